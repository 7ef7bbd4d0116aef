package receivables.api.journal;

import receivables.api.money.Money;

/**
 * One side of a journal entry: exactly one of debit and credit is non-zero.
 */
public record JournalLine(Account account, Money debit, Money credit) {

    public JournalLine {
        if (!debit.currency().equals(credit.currency())) {
            throw new IllegalArgumentException("a journal line has one currency");
        }
        if (debit.isNegative() || credit.isNegative() || debit.isZero() == credit.isZero()) {
            throw new IllegalArgumentException("a journal line is either a positive debit or a positive credit");
        }
    }

    public static JournalLine debit(Account account, Money amount) {
        return new JournalLine(account, amount, Money.zero(amount.currency()));
    }

    public static JournalLine credit(Account account, Money amount) {
        return new JournalLine(account, Money.zero(amount.currency()), amount);
    }

    /** The same amount on the other side, for an entry that reverses another. */
    public JournalLine reversed() {
        return new JournalLine(account, credit, debit);
    }
}
