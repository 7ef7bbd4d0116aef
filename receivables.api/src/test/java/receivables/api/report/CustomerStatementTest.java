package receivables.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;

class CustomerStatementTest {

    private static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    private static final LocalDate TO = LocalDate.of(2026, 2, 28);
    private static final Money ZERO = eur("0.00");

    @Test
    void aStatementWhoseBalancesFollowFromTheMovementsIsAccepted() {
        CustomerStatement statement = statement(eur("10.00"), List.of(
                new StatementMovement(FROM, StatementMovement.INVOICE, "INV-1", eur("119.00"), ZERO, eur("129.00")),
                new StatementMovement(TO, StatementMovement.PAYMENT, "p-1", ZERO, eur("200.00"), eur("-71.00"))),
                eur("-71.00"));

        assertThat(statement.closingBalance().isNegative()).isTrue();
        assertThat(statement(eur("10.00"), List.of(), eur("10.00")).movements()).isEmpty();
    }

    @Test
    void aStatementThatDoesNotAddUpIsRefused() {
        List<StatementMovement> movements = List.of(
                new StatementMovement(FROM, StatementMovement.INVOICE, "INV-1", eur("119.00"), ZERO, eur("119.00")));

        assertThatThrownBy(() -> statement(eur("10.00"), movements, eur("119.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INV-1");
        assertThatThrownBy(() -> statement(ZERO, movements, eur("120.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closing balance");
        assertThatThrownBy(() -> statement(Money.of("0.00", "USD"), List.of(), Money.of("0.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    }

    private static CustomerStatement statement(Money opening, List<StatementMovement> movements, Money closing) {
        return new CustomerStatement(UUID.randomUUID(), "Acme", "EUR", FROM, TO, opening, movements, closing);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
