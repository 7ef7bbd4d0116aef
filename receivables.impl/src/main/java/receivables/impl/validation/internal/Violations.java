package receivables.impl.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.regex.Pattern;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.money.Money;

/**
 * Collects every problem of a request before refusing it, so that a client fixes all of them in one go.
 */
public final class Violations {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations required(String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            found.add(FieldViolation.of(field, "is required"));
        }
        return this;
    }

    public Violations maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            found.add(FieldViolation.of(field, "must be at most " + max + " characters"));
        }
        return this;
    }

    public Violations email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            found.add(FieldViolation.of(field, "is not an e-mail address"));
        }
        return this;
    }

    /** An IBAN in print or electronic form (spaces and case do not matter): country, check digits right mod 97. */
    public Violations iban(String field, String value) {
        if (value != null && !value.isBlank() && !isIban(value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT))) {
            found.add(FieldViolation.of(field, "is not an IBAN"));
        }
        return this;
    }

    public Violations currency(String field, String value) {
        if (value != null && !value.isBlank() && !Money.isActiveCurrency(value)) {
            found.add(FieldViolation.of(field, "is not an active ISO 4217 currency code"));
        }
        return this;
    }

    /** {@code value} lies in its range of {@link ValueRanges}; {@code problem} is one of its checks. */
    public <T> Violations inRange(String field, T value, Function<T, String> problem) {
        String found = problem.apply(value);
        if (found != null) {
            this.found.add(FieldViolation.of(field, found));
        }
        return this;
    }

    public Violations add(String field, String message) {
        found.add(FieldViolation.of(field, message));
        return this;
    }

    /** @throws InvalidRequestException naming every violation found, if any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }

    private static boolean isIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int digit = Character.digit(c, 36);
            remainder = (digit > 9 ? remainder * 100 + digit : remainder * 10 + digit) % 97;
        }
        return remainder == 1;
    }
}
