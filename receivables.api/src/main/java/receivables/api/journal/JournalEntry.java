package receivables.api.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import receivables.api.money.Money;

/**
 * A balanced double-entry posting in one transaction currency, and the same at {@code rate} in the tenant's
 * functional currency: in both, the debits equal the credits.
 *
 * @param kind      what happened
 * @param reference what it is about, e.g. the invoice number or the payment number
 * @param lines     in the transaction currency; posted lines carry their functional amounts too
 * @param rate      one unit of the transaction currency in the functional currency on the entry's date (1 for an
 *                  entry in the functional currency); {@code null} only for lines not yet at a rate
 */
public record JournalEntry(UUID id, LocalDate date, JournalEntryKind kind, String reference, List<JournalLine> lines,
        BigDecimal rate) {

    public JournalEntry {
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry has at least two lines");
        }
        if (lines.stream().map(line -> line.debit().currency()).distinct().count() > 1) {
            throw new IllegalArgumentException("journal entry " + kind + " " + reference + " mixes currencies");
        }
        requireBalanced(kind + " " + reference, lines, JournalLine::debit, JournalLine::credit);
        if (lines.stream().allMatch(line -> line.functionalDebit() != null)) {
            requireBalanced(kind + " " + reference + " in the functional currency", lines, JournalLine::functionalDebit,
                    JournalLine::functionalCredit);
        }
    }

    /**
     * The entry with every line also in {@code functionalCurrency} at {@code rate}. Each side's total is
     * converted and rounded half-up to the functional currency's minor unit, then split over that side's lines in
     * proportion to their amounts ({@link Money#split}: each rounded half-up, the side's last line takes what
     * rounding leaves), so that the entry balances in the functional currency exactly and no rounding line is
     * needed: the last debit line and the last credit line carry the rounding differences.
     */
    public static JournalEntry atRate(UUID id, LocalDate date, JournalEntryKind kind, String reference,
            List<JournalLine> lines, String functionalCurrency, BigDecimal rate) {
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("a rate is positive: " + rate);
        }
        List<Money> debits = convertedSide(lines, JournalLine::debit, functionalCurrency, rate);
        List<Money> credits = convertedSide(lines, JournalLine::credit, functionalCurrency, rate);
        List<JournalLine> converted = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            converted.add(new JournalLine(line.account(), line.debit(), line.credit(), debits.get(i), credits.get(i)));
        }
        return new JournalEntry(id, date, kind, reference, converted, rate);
    }

    /** One side's amounts in the functional currency, zero for the lines on the other side. */
    private static List<Money> convertedSide(List<JournalLine> lines, Function<JournalLine, Money> side,
            String functionalCurrency, BigDecimal rate) {
        List<Integer> onSide = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!side.apply(lines.get(i)).isZero()) {
                onSide.add(i);
            }
        }
        List<Money> converted = new ArrayList<>(Collections.nCopies(lines.size(), Money.zero(functionalCurrency)));
        if (onSide.isEmpty()) {
            return converted;
        }
        BigDecimal total = onSide.stream().map(i -> side.apply(lines.get(i)).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Money> parts = Money.rounded(total.multiply(rate), functionalCurrency)
                .split(onSide.stream().map(i -> side.apply(lines.get(i)).amount()).toList());
        for (int i = 0; i < onSide.size(); i++) {
            converted.set(onSide.get(i), parts.get(i));
        }
        return converted;
    }

    private static void requireBalanced(String entry, List<JournalLine> lines, Function<JournalLine, Money> debit,
            Function<JournalLine, Money> credit) {
        String currency = debit.apply(lines.get(0)).currency();
        Money debits = lines.stream().map(debit).reduce(Money.zero(currency), Money::plus);
        Money credits = lines.stream().map(credit).reduce(Money.zero(currency), Money::plus);
        if (!debits.equals(credits)) {
            throw new IllegalArgumentException("unbalanced journal entry " + entry + ": debits " + debits
                    + ", credits " + credits);
        }
    }
}
