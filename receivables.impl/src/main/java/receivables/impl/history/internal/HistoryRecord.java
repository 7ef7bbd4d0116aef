package receivables.impl.history.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One record of a history file, checked field by field: a customer, an invoice or a payment, named by its id in
 * the other system ({@code sourceId}) and by the line of the file it starts on.
 */
sealed interface HistoryRecord {

    /** The kinds of record, as {@code history_record.kind} stores them. */
    enum Kind {
        CUSTOMER, INVOICE, PAYMENT
    }

    long line();

    String sourceId();

    Kind kind();

    /** A digest of everything the record says, to tell the same record from a changed one. */
    String fingerprint();

    record Customer(long line, String sourceId, String name, String currency, String country, String segment,
            String salesperson) implements HistoryRecord {

        @Override
        public Kind kind() {
            return Kind.CUSTOMER;
        }

        @Override
        public String fingerprint() {
            return digest(kind(), sourceId, name, currency, country, segment, salesperson);
        }
    }

    /** @param paidDate the day it was paid in full, {@code null} while it is open */
    record Invoice(long line, String sourceId, String customer, String number, String currency, BigDecimal amount,
            LocalDate issueDate, LocalDate dueDate, LocalDate paidDate) implements HistoryRecord {

        @Override
        public Kind kind() {
            return Kind.INVOICE;
        }

        @Override
        public String fingerprint() {
            return digest(kind(), sourceId, customer, number, currency, amount.stripTrailingZeros().toPlainString(),
                    issueDate, dueDate, paidDate);
        }
    }

    /** A payment of the invoice {@code invoice} names, in its currency, allocated to it in full. */
    record Payment(long line, String sourceId, String invoice, BigDecimal amount, LocalDate valueDate)
            implements HistoryRecord {

        @Override
        public Kind kind() {
            return Kind.PAYMENT;
        }

        @Override
        public String fingerprint() {
            return digest(kind(), sourceId, invoice, amount.stripTrailingZeros().toPlainString(), valueDate);
        }
    }

    private static String digest(Object... values) {
        String joined = Stream.of(values).map(value -> Objects.toString(value, "")).collect(Collectors.joining("\u0000"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
