package receivables.api.statement;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One statement (or interim report) of an imported file, as the bank stated it.
 *
 * @param number          1 for the file's first statement, 2 for the next, ...
 * @param statementId     the bank's identification of the statement, or {@code null}
 * @param account         the account's IBAN or identification, or {@code null}
 * @param currency        the account's currency, or {@code null} when the file gives none
 * @param openingBalance  the booked balance before its lines; {@code null} for an interim report, or when the
 *                        file gives none or one too large to keep (see the import's notes)
 * @param closingBalance  the booked balance after them, {@code null} likewise
 * @param from            first day it covers, or {@code null}
 * @param to              last day it covers, or {@code null}
 * @param lines           booked lines read from it
 * @param interim         whether it is an interim or intraday report (MT942, camt.052)
 */
public record ImportedStatement(int number, String statementId, String account, String currency,
        Money openingBalance, Money closingBalance, LocalDate from, LocalDate to, long lines, boolean interim) {
}
