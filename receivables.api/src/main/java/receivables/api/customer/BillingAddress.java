package receivables.api.customer;

/**
 * Where invoices are addressed.
 *
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code DE}
 */
public record BillingAddress(String line1, String line2, String postalCode, String city, String region, String country) {
}
