package receivables.api.approval;

/** Where an approval request stands: it waits, then is decided once. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
