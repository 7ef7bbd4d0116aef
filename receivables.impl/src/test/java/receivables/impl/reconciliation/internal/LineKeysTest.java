package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;

class LineKeysTest {

    private static final StatementHeader STATEMENT = new StatementHeader("S-1", "DE89370400440532013000", "EUR",
            Money.of("0.00", "EUR"), null, LocalDate.of(2026, 3, 1), null);
    private static final StatementHeader NOTIFICATION = new StatementHeader("N-7", "DE89370400440532013000", "EUR",
            null, null, null, null);

    @Test
    void theBanksReferenceIdentifiesAMovementInEveryFile() {
        assertThat(new LineKeys().key(NOTIFICATION, line(4, "10.00", "REF-1")))
                .isEqualTo(new LineKeys().key(STATEMENT, line(1, "10.00", "REF-1")))
                .isNotEqualTo(new LineKeys().key(STATEMENT, line(1, "10.00", "REF-2")));
    }

    @Test
    void linesOfOneBatchBookingAreToldApartByTheirPlace() {
        LineKeys keys = new LineKeys();

        assertThat(keys.key(STATEMENT, line(1, "10.00", "BATCH"))).isNotEqualTo(keys.key(STATEMENT, line(2, "10.00", "BATCH")));
    }

    @Test
    void withoutReferenceTheStatementAndThePlaceInItCount() {
        assertThat(new LineKeys().key(STATEMENT, line(1, "10.00", "NONREF")))
                .isEqualTo(new LineKeys().key(STATEMENT, line(1, "10.00", null)))
                .isNotEqualTo(new LineKeys().key(STATEMENT, line(2, "10.00", null)))
                .isNotEqualTo(new LineKeys().key(NOTIFICATION, line(1, "10.00", null)));
    }

    private static StatementLine line(int sequence, String amount, String reference) {
        return new StatementLine("S", sequence, null, null, Money.of(amount, "EUR"), Direction.CREDIT, null, null, null,
                null, null, reference, false);
    }
}
