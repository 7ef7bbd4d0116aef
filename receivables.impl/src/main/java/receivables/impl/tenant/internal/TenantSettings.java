package receivables.impl.tenant.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import receivables.api.TenantId;
import receivables.api.money.Money;

/**
 * How one tenant keeps its books.
 *
 * @param invoiceNumberPattern e.g. {@code INV-{year}-{number:6}}: {@code {year}}, {@code {yy}} and
 *                             {@code {number}} or {@code {number:width}} (zero-padded)
 * @param functionalCurrency   the currency the tenant's ledger is kept in
 * @param creditCheckBlocks    whether a failed credit check stops an invoice from being issued, or only
 *                             warns
 * @param writeOffTolerance    the largest remainder an allocation may leave open on an installment that is
 *                             written off at once as a small difference, in the invoice's currency; 0 for never
 * @param badDebtTaxRelief     whether a bad-debt write-off takes back the tax share of what it writes off, as
 *                             jurisdictions that relieve output tax on bad debts allow
 * @param discountTaxAdjustment whether an early-payment discount takes back its tax share (Dr tax payable), as
 *                             jurisdictions that treat a cash discount as a reduction of the taxable amount require
 * @param approvalThreshold    four eyes: bad-debt write-offs and credit notes worth more than this in the functional
 *                             currency, and every raise of a credit limit, wait for a second person's approval;
 *                             {@code null} for none of that
 */
public record TenantSettings(TenantId tenant, String invoiceNumberPattern, String functionalCurrency,
        boolean creditCheckBlocks, BigDecimal writeOffTolerance, boolean badDebtTaxRelief, boolean discountTaxAdjustment,
        BigDecimal approvalThreshold) {

    public static final String DEFAULT_INVOICE_NUMBER_PATTERN = "INV-{year}-{number:6}";
    public static final String CREDIT_NOTE_NUMBER_PATTERN = "CN-{year}-{number:6}";
    public static final String PAYMENT_NUMBER_PATTERN = "PAY-{year}-{number:6}";
    public static final String DEFAULT_FUNCTIONAL_CURRENCY = "EUR";
    public static final String DEFAULT_WRITE_OFF_TOLERANCE = "0";
    private static final Pattern NUMBER = Pattern.compile("\\{number(?::(\\d{1,2}))?}");
    private static final int MAX_NUMBER_LENGTH = 40;

    public TenantSettings {
        Matcher number = NUMBER.matcher(invoiceNumberPattern);
        if (!number.find() || number.find()) {
            throw new IllegalArgumentException("the invoice number pattern must contain {number} exactly once: "
                    + invoiceNumberPattern);
        }
        if (!Money.isActiveCurrency(functionalCurrency)) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + functionalCurrency);
        }
        if (format(invoiceNumberPattern, LocalDate.of(2000, 1, 1), 1).length() > MAX_NUMBER_LENGTH - 8) {
            throw new IllegalArgumentException("the invoice number pattern is too long: " + invoiceNumberPattern);
        }
        if (writeOffTolerance == null || writeOffTolerance.signum() < 0) {
            throw new IllegalArgumentException("the write-off tolerance must be 0 or a positive amount: " + writeOffTolerance);
        }
        if (approvalThreshold != null && (approvalThreshold.signum() < 0
                || approvalThreshold.stripTrailingZeros().scale() > Money.scaleOf(functionalCurrency))) {
            throw new IllegalArgumentException("the approval threshold must be 0 or a positive amount in "
                    + functionalCurrency + ": " + approvalThreshold);
        }
    }

    /** Settings without four eyes. */
    public TenantSettings(TenantId tenant, String invoiceNumberPattern, String functionalCurrency,
            boolean creditCheckBlocks, BigDecimal writeOffTolerance, boolean badDebtTaxRelief,
            boolean discountTaxAdjustment) {
        this(tenant, invoiceNumberPattern, functionalCurrency, creditCheckBlocks, writeOffTolerance, badDebtTaxRelief,
                discountTaxAdjustment, null);
    }

    /** Settings that never write off a small difference. */
    public TenantSettings(TenantId tenant, String invoiceNumberPattern, String functionalCurrency,
            boolean creditCheckBlocks) {
        this(tenant, invoiceNumberPattern, functionalCurrency, creditCheckBlocks, BigDecimal.ZERO);
    }

    /** Settings without bad-debt tax relief. */
    public TenantSettings(TenantId tenant, String invoiceNumberPattern, String functionalCurrency,
            boolean creditCheckBlocks, BigDecimal writeOffTolerance) {
        this(tenant, invoiceNumberPattern, functionalCurrency, creditCheckBlocks, writeOffTolerance, false, false);
    }

    public static TenantSettings defaults(TenantId tenant) {
        return new TenantSettings(tenant, DEFAULT_INVOICE_NUMBER_PATTERN, DEFAULT_FUNCTIONAL_CURRENCY, true);
    }

    /** The invoice number for the {@code sequence}-th invoice issued on {@code issueDate}'s year. */
    public String invoiceNumber(LocalDate issueDate, long sequence) {
        return format(invoiceNumberPattern, issueDate, sequence);
    }

    /** The credit note number for the {@code sequence}-th credit note dated in {@code date}'s year. */
    public String creditNoteNumber(LocalDate date, long sequence) {
        return format(CREDIT_NOTE_NUMBER_PATTERN, date, sequence);
    }

    /** The payment number for the {@code sequence}-th payment with its value date in {@code valueDate}'s year. */
    public String paymentNumber(LocalDate valueDate, long sequence) {
        return format(PAYMENT_NUMBER_PATTERN, valueDate, sequence);
    }

    /** Whether {@code remainder}, what an allocation left open on an installment, is written off at once. */
    public boolean writesOff(Money remainder) {
        return remainder.isPositive() && withinTolerance(remainder);
    }

    /** Whether {@code shortfall} is at most the write-off tolerance: a payment short by it still counts as covering. */
    public boolean withinTolerance(Money shortfall) {
        return shortfall.amount().compareTo(writeOffTolerance) <= 0;
    }

    /** Whether the tenant has four eyes on: write-offs and credit notes above the threshold, credit-limit raises. */
    public boolean fourEyes() {
        return approvalThreshold != null;
    }

    /** Whether a write-off or credit note worth {@code functional} in the functional currency waits for approval. */
    public boolean needsApproval(Money functional) {
        if (!functional.currency().equals(functionalCurrency)) {
            throw new IllegalArgumentException(functional + " is not in the functional currency " + functionalCurrency);
        }
        return fourEyes() && functional.amount().compareTo(approvalThreshold) > 0;
    }

    private static String format(String pattern, LocalDate date, long sequence) {
        String text = pattern.replace("{year}", Integer.toString(date.getYear()))
                .replace("{yy}", zeroPadded(date.getYear() % 100, 2));
        Matcher number = NUMBER.matcher(text);
        number.find();
        int width = number.group(1) == null ? 1 : Integer.parseInt(number.group(1));
        return text.substring(0, number.start()) + zeroPadded(sequence, width) + text.substring(number.end());
    }

    /** {@code value} in at least {@code width} digits; a billing run numbers every invoice, String.format was its cost. */
    private static String zeroPadded(long value, int width) {
        String digits = Long.toString(Math.abs(value));
        String padded = digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        return value < 0 ? "-" + padded : padded;
    }
}
