package receivables.api.provider;

import java.util.Objects;

/**
 * What the channel says about one refund.
 *
 * @param outcome           where the refund stands
 * @param providerReference the channel's id of the refund, or {@code null} when it gives none
 * @param detail            why it failed or what it waits for, for clerks; never a secret; may be {@code null}
 */
public record RefundReport(RefundOutcome outcome, String providerReference, String detail) {

    public RefundReport {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static RefundReport succeeded(String providerReference) {
        return new RefundReport(RefundOutcome.SUCCEEDED, providerReference, null);
    }

    public static RefundReport pending(String providerReference) {
        return new RefundReport(RefundOutcome.PENDING, providerReference, null);
    }

    public static RefundReport failed(String providerReference, String detail) {
        return new RefundReport(RefundOutcome.FAILED, providerReference, detail);
    }
}
