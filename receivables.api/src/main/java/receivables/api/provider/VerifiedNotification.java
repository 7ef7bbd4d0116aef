package receivables.api.provider;

import java.util.Objects;

/**
 * A notification the provider has verified: what it reports, and what the channel expects as the answer
 * (e.g. the plain text {@code success}), sent with HTTP 200 once the core has stored the report.
 *
 * @param report              what the notification says about its intent's payment
 * @param acknowledgement     the body of the 200 answer
 * @param acknowledgementType its media type; {@code null} for {@code text/plain}
 */
public record VerifiedNotification(ProviderReport report, String acknowledgement, String acknowledgementType) {

    public VerifiedNotification {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        acknowledgementType = acknowledgementType == null ? "text/plain" : acknowledgementType;
    }
}
