package receivables.api.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;

class JournalEntryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void everyLineCarriesItsAmountAtTheRateAndTheEntryBalancesInTheFunctionalCurrency() {
        JournalEntry entry = JournalEntry.atRate(UUID.randomUUID(), DAY, JournalEntryKind.INVOICE_ISSUED, "INV-1", List.of(
                JournalLine.debit(Account.RECEIVABLE, usd("119.00")), JournalLine.credit(Account.REVENUE, usd("100.00")),
                JournalLine.credit(Account.TAX_PAYABLE, usd("19.00"))), "EUR", new BigDecimal("0.9"));

        assertThat(entry.rate()).isEqualByComparingTo("0.9");
        assertThat(entry.lines()).extracting(JournalLine::functionalDebit)
                .containsExactly(eur("107.10"), eur("0.00"), eur("0.00"));
        assertThat(entry.lines()).extracting(JournalLine::functionalCredit)
                .containsExactly(eur("0.00"), eur("90.00"), eur("17.10"));
    }

    @Test
    void roundingDifferencesGoToTheLastLineOfEachSide() {
        // Line by line, 0.005 would round to 0.01 three times against 0.02 for the whole.
        JournalEntry entry = JournalEntry.atRate(UUID.randomUUID(), DAY, JournalEntryKind.PAYMENT_RECEIVED, "PAY-1", List.of(
                JournalLine.debit(Account.CASH, usd("0.03")), JournalLine.credit(Account.RECEIVABLE, usd("0.01")),
                JournalLine.credit(Account.RECEIVABLE, usd("0.01")), JournalLine.credit(Account.CUSTOMER_CREDIT, usd("0.01"))),
                "EUR", new BigDecimal("0.5"));

        assertThat(entry.lines()).extracting(JournalLine::functionalDebit)
                .containsExactly(eur("0.02"), eur("0.00"), eur("0.00"), eur("0.00"));
        assertThat(entry.lines()).extracting(JournalLine::functionalCredit)
                .containsExactly(eur("0.00"), eur("0.01"), eur("0.01"), eur("0.00"));
    }

    @Test
    void inTheFunctionalCurrencyTheAmountsAreTheSameAndTheRateIsOne() {
        JournalEntry entry = JournalEntry.atRate(UUID.randomUUID(), DAY, JournalEntryKind.PAYMENT_REFUNDED, "PAY-2", List.of(
                JournalLine.debit(Account.CUSTOMER_CREDIT, eur("12.34")), JournalLine.credit(Account.CASH, eur("12.34"))),
                "EUR", BigDecimal.ONE);

        assertThat(entry.lines()).extracting(JournalLine::functionalDebit).containsExactly(eur("12.34"), eur("0.00"));
        assertThat(entry.lines().get(1).reversed().functionalDebit()).isEqualTo(eur("12.34"));
    }

    @Test
    void anEntryUnbalancedInTheFunctionalCurrencyOrInTwoCurrenciesIsRefused() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), DAY, JournalEntryKind.PAYMENT_RECEIVED, "PAY-3", List.of(
                new JournalLine(Account.CASH, usd("1.00"), usd("0.00"), eur("0.90"), eur("0.00")),
                new JournalLine(Account.RECEIVABLE, usd("0.00"), usd("1.00"), eur("0.00"), eur("0.91"))),
                new BigDecimal("0.9"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("functional");
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), DAY, JournalEntryKind.PAYMENT_RECEIVED, "PAY-4", List.of(
                JournalLine.debit(Account.CASH, usd("1.00")), JournalLine.credit(Account.RECEIVABLE, usd("1.00")),
                JournalLine.debit(Account.CASH, eur("1.00")), JournalLine.credit(Account.RECEIVABLE, eur("1.00"))),
                BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixes");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
