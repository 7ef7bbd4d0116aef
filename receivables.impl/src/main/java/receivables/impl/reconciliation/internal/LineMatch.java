package receivables.impl.reconciliation.internal;

import java.util.List;
import java.util.UUID;

import receivables.api.statement.MatchCandidate;

/**
 * What matching found for a credit line.
 *
 * @param confidence 0 to 100 for paying {@code invoices}
 * @param invoices   the invoices the line pays, of one customer and in the line's currency, in the order to
 *                   allocate to; empty when no such set was found
 * @param candidates what a clerk should look at first, surest first
 */
record LineMatch(int confidence, List<OpenInvoice> invoices, List<MatchCandidate> candidates) {

    LineMatch {
        invoices = List.copyOf(invoices);
        candidates = List.copyOf(candidates);
    }

    static LineMatch none(List<MatchCandidate> candidates) {
        return new LineMatch(0, List.of(), candidates);
    }

    boolean sureEnough(int threshold) {
        return !invoices.isEmpty() && confidence >= threshold;
    }

    UUID customerId() {
        return invoices.isEmpty() ? null : invoices.get(0).customerId();
    }
}
