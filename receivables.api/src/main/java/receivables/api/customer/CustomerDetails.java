package receivables.api.customer;

/**
 * What a client sends to create or change a customer account. Validated by
 * {@link CustomerAccounts}; any field may be {@code null} here and is reported when required.
 *
 * @param number   the host's customer number, unique within the tenant; optional
 * @param name     required, at most 200 characters
 * @param taxId    optional, at most 64 characters
 * @param email    optional, a plausible e-mail address
 * @param currency required ISO 4217 code
 */
public record CustomerDetails(String number, String name, String taxId, String email, String currency) {
}
