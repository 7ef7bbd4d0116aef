package receivables.api.payment;

/**
 * How much of a received payment is allocated, read from what is left as credit: UNALLOCATED when all of it is,
 * PARTLY_ALLOCATED when some, ALLOCATED when none (refunded money counts as gone, not as credit). REVERSED: the
 * payment went back, whatever it had left.
 */
public enum AllocationState {
    UNALLOCATED, PARTLY_ALLOCATED, ALLOCATED, REVERSED
}
