package receivables.api.journal;

import receivables.api.money.Money;

/**
 * One side of a journal entry: exactly one of debit and credit is non-zero, in the entry's transaction currency,
 * and the same side again in the tenant's functional currency at the entry's rate.
 *
 * @param functionalDebit  the debit in the functional currency; on a line built with {@link #debit} or
 *                         {@link #credit} and not yet posted, {@code null} (posting converts it, see
 *                         {@link JournalEntry#atRate})
 * @param functionalCredit the credit in the functional currency; {@code null} with {@code functionalDebit}
 */
public record JournalLine(Account account, Money debit, Money credit, Money functionalDebit, Money functionalCredit) {

    public JournalLine {
        if (!debit.currency().equals(credit.currency())) {
            throw new IllegalArgumentException("a journal line has one currency");
        }
        if (debit.isNegative() || credit.isNegative() || debit.isZero() == credit.isZero()) {
            throw new IllegalArgumentException("a journal line is either a positive debit or a positive credit");
        }
        if ((functionalDebit == null) != (functionalCredit == null)) {
            throw new IllegalArgumentException("a journal line has both functional amounts or neither");
        }
        if (functionalDebit != null && (!functionalDebit.currency().equals(functionalCredit.currency())
                || functionalDebit.isNegative() || functionalCredit.isNegative()
                || (debit.isZero() && !functionalDebit.isZero()) || (credit.isZero() && !functionalCredit.isZero()))) {
            throw new IllegalArgumentException("a journal line's functional amounts are on its own side, in one currency");
        }
    }

    /** A line not yet at a rate; posting adds its functional amounts. */
    public JournalLine(Account account, Money debit, Money credit) {
        this(account, debit, credit, null, null);
    }

    public static JournalLine debit(Account account, Money amount) {
        return new JournalLine(account, amount, Money.zero(amount.currency()));
    }

    public static JournalLine credit(Account account, Money amount) {
        return new JournalLine(account, Money.zero(amount.currency()), amount);
    }

    /** The same amount on the other side, for an entry that reverses another. */
    public JournalLine reversed() {
        return new JournalLine(account, credit, debit, functionalCredit, functionalDebit);
    }

    /** The amount in the transaction currency, on whichever side it is. */
    public Money amount() {
        return debit.isZero() ? credit : debit;
    }
}
