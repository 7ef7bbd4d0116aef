package receivables.api.report;

import java.util.Locale;

/**
 * What a report groups receivables by. Salesperson and product are the invoice's, carried from the order at
 * invoicing; segment and country are the customer's as they are now.
 */
public enum ReportDimension {
    CUSTOMER, SALESPERSON, SEGMENT, PRODUCT, CURRENCY, COUNTRY;

    /** The name as a query parameter takes it, e.g. {@code salesperson}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
