package receivables.payments.bank.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616): country code, two check digits and up to 30 letters or
 * digits, whose check digits make the rearranged number leave 1 modulo 97.
 *
 * @param value the electronic form: upper case, no spaces
 */
record Iban(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    Iban {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid IBAN: " + value);
        }
    }

    /** The IBAN as typed, in groups of four or not, in any case. */
    static Iban parse(String text) {
        return new Iban(electronic(text));
    }

    static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String iban = electronic(text);
        if (!SHAPE.matcher(iban).matches()) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    private static String electronic(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
