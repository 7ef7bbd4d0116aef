package receivables.api.statement;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * What a statement says about itself. Any component is {@code null} where the file has nothing for it.
 *
 * @param statementId      the bank's identification of the statement (camt {@code Stmt/Id}, MT940
 *                         {@code :20:}); MT940 banks may repeat it in every statement of a file
 * @param accountIban      the account's IBAN, or its identification as the file gives it when the bank
 *                         uses another scheme (e.g. {@code 1291.99.348EUR})
 * @param accountCurrency  ISO 4217 code of the account: as declared, otherwise the currency of the
 *                         opening booked balance
 * @param openingBalance   the booked balance before the statement's lines; negative when the account is
 *                         overdrawn (a debit balance)
 * @param closingBalance   the booked balance after them, signed the same way
 * @param from             first day the statement covers: its period where the file states one (camt
 *                         {@code FrToDt}), else the date of the opening balance
 * @param to               last day it covers: the end of its period, else the date of the closing balance
 * @param interim          whether this is an interim or intraday report (MT942, camt.052): it announces
 *                         movements before the statement that will report them again, and carries no booked
 *                         balances
 */
public record StatementHeader(String statementId, String accountIban, String accountCurrency, Money openingBalance,
        Money closingBalance, LocalDate from, LocalDate to, boolean interim) {

    /** The header of a statement (not an interim report). */
    public StatementHeader(String statementId, String accountIban, String accountCurrency, Money openingBalance,
            Money closingBalance, LocalDate from, LocalDate to) {
        this(statementId, accountIban, accountCurrency, openingBalance, closingBalance, from, to, false);
    }
}
