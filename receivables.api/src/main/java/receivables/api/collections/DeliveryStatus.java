package receivables.api.collections;

/** Where a notice's delivery stands; the database stores the name, so none is renamed. */
public enum DeliveryStatus {
    /** Not delivered yet; tried again after a passing failure. */
    PENDING,
    /** The channel accepted it for the recipient. */
    DELIVERED,
    /** The channel refused it for good (e.g. an unknown recipient): a person must look at it. */
    FAILED,
    /** No channel reaches the customer (none installed for the policy's channel, or no address): a person must send it. */
    UNREACHABLE
}
