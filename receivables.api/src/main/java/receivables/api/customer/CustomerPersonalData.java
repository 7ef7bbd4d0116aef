package receivables.api.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * The personal data held about one customer, as exported for a request for access.
 *
 * @param erasedAt when it was erased on request; {@code null} when it never was
 */
public record CustomerPersonalData(UUID customerId, String number, String name, String contactName, String taxId,
        String email, String phone, String iban, BillingAddress billingAddress, Instant exportedAt, Instant erasedAt) {

    /** Leaves the personal data out, so that no log carries it. */
    @Override
    public String toString() {
        return "CustomerPersonalData[customerId=" + customerId + ", personal data withheld]";
    }
}
