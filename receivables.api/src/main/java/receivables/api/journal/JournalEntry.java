package receivables.api.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * A balanced double-entry posting: in every currency the debits equal the credits.
 *
 * @param kind      what happened
 * @param reference what it is about, e.g. the invoice number or the payment number
 */
public record JournalEntry(UUID id, LocalDate date, JournalEntryKind kind, String reference, List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry has at least two lines");
        }
        requireBalanced(kind + " " + reference, lines);
    }

    private static void requireBalanced(String entry, List<JournalLine> lines) {
        lines.stream().map(line -> line.debit().currency()).distinct().forEach(currency -> {
            Money debits = lines.stream().filter(line -> line.debit().currency().equals(currency))
                    .map(JournalLine::debit).reduce(Money.zero(currency), Money::plus);
            Money credits = lines.stream().filter(line -> line.credit().currency().equals(currency))
                    .map(JournalLine::credit).reduce(Money.zero(currency), Money::plus);
            if (!debits.equals(credits)) {
                throw new IllegalArgumentException("unbalanced journal entry " + entry + ": debits " + debits
                        + ", credits " + credits);
            }
        });
    }
}
