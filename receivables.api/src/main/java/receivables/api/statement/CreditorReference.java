package receivables.api.statement;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ISO 11649 structured creditor reference ({@code RF} + two check digits + up to 21 characters),
 * which payers copy into a transfer so the statement line can be matched to its invoice without doubt.
 *
 * @param value the electronic form: upper case, no spaces
 */
public record CreditorReference(String value) {

    private static final int MAX_PAYLOAD = 21;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public CreditorReference {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ISO 11649 creditor reference: " + value);
        }
    }

    /** The reference for {@code payload}, letters and digits only, e.g. an invoice number without separators. */
    public static CreditorReference of(String payload) {
        String normalized = payload.replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > MAX_PAYLOAD || !normalized.chars().allMatch(CreditorReference::isAlphanumeric)) {
            throw new IllegalArgumentException("a creditor reference carries 1 to 21 letters or digits, not: " + payload);
        }
        int check = 98 - remainder(normalized + "RF00");
        return new CreditorReference(String.format(Locale.ROOT, "RF%02d%s", check, normalized));
    }

    /**
     * The reference of an invoice: its number's letters and digits, upper case, in their order, everything
     * else left out ({@code INV-2026-000042} gives {@code RF..INV2026000042}). The bank-transfer provider
     * prints it and statement matching looks for it, so both derive it here. Empty when the number has no
     * letter or digit, or more than the 21 a reference carries.
     */
    public static Optional<CreditorReference> ofInvoiceNumber(String invoiceNumber) {
        String payload = invoiceNumber == null ? "" : lettersAndDigits(invoiceNumber);
        return payload.isEmpty() || payload.length() > MAX_PAYLOAD ? Optional.empty() : Optional.of(of(payload));
    }

    /** {@code text} upper case with everything but the letters A to Z and the digits left out. */
    public static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.toUpperCase(Locale.ROOT).chars().filter(CreditorReference::isAlphanumeric).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** Whether {@code text}, as a payer may have typed it (spaces, lower case), is a valid reference. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String candidate = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (candidate.length() < 5 || candidate.length() > 4 + MAX_PAYLOAD || !candidate.startsWith("RF")
                || !Character.isDigit(candidate.charAt(2)) || !Character.isDigit(candidate.charAt(3))
                || !candidate.chars().allMatch(CreditorReference::isAlphanumeric)) {
            return false;
        }
        return remainder(candidate.substring(4) + candidate.substring(0, 4)) == 1;
    }

    /** The payload without {@code RF} and check digits. */
    public String payload() {
        return value.substring(4);
    }

    /** The print form in groups of four, as on an invoice. */
    public String printed() {
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                printed.append(' ');
            }
            printed.append(value, i, Math.min(i + 4, value.length()));
        }
        return printed.toString();
    }

    private static int remainder(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    private static boolean isAlphanumeric(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
}
