package receivables.impl.rest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.money.Money;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * Parses query parameters ourselves: Jakarta REST answers 404 for a malformed number, we answer 400
 * naming the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be a date like 2026-01-31"));
        }
        new Violations().inRange(name, date, ValueRanges::dateProblem).throwIfAny();
        return date;
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be an id such as 0b3e5f0c-5d1e-4b8e-9a57-6c1f6f2d3a10"));
        }
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }

    static List<Integer> integers(String name, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be whole numbers separated by commas"));
        }
    }

    /** The id in a path; one that is no id at all names nothing that exists. */
    static UUID pathId(String kind, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind, id);
        }
    }

    /** The version an {@code If-Match} header names, as the ETag of a {@code kind} carries it; null for none or '*'. */
    static Long expectedVersion(String ifMatch, String kind) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    FieldViolation.of("If-Match", "must be the ETag of the " + kind + " as last read"));
        }
    }

    /** An amount in {@code currency}; none is zero. */
    static Money money(String name, String value, String currency) {
        if (value == null || value.isBlank()) {
            return Money.zero(currency);
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            new Violations().inRange(name, amount, ValueRanges::decimalProblem).throwIfAny();
            return Money.of(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be an amount in " + currency + " with at most "
                    + Money.scaleOf(currency) + " decimals"));
        }
    }

    static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be a whole number"));
        }
    }

    /** A filter given as text, trimmed; {@code null} when blank, which filters nothing. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The slice {@code page} and {@code size} ask for: the first page of the default size when they say nothing. */
    static PageRequest page(String page, String size) {
        return new PageRequest(integer("page", page, 0), integer("size", size, PageRequest.DEFAULT_SIZE));
    }
}
