package receivables.api.statement;

import java.time.LocalDate;
import java.util.Objects;

import receivables.api.money.Money;

/**
 * One booked movement on a statement. Components other than {@code amount}, {@code direction} and
 * {@code sequence} are {@code null} where the file has nothing for them.
 *
 * @param statementId       the {@link StatementHeader#statementId()} of the statement the line is on
 * @param sequence          1 for the statement's first line, 2 for the next, ...
 * @param bookingDate       the day the bank booked it
 * @param valueDate         the day interest starts or stops counting
 * @param amount            how much, never negative; {@code direction} says which way
 * @param direction         the movement's effect on the account; for a reversal too, so the reversal of
 *                          a credit is a {@link Direction#DEBIT}
 * @param endToEndId        the payer's end-to-end reference
 * @param creditorReference a structured creditor reference (ISO 11649 {@code RF...} or another scheme)
 *                          from the structured remittance information
 * @param remittanceText    the unstructured remittance information, its pieces joined into one text
 * @param counterpartyName  who paid (for a credit) or was paid (for a debit)
 * @param counterpartyIban  the counterparty's IBAN, or its account number as the file gives it when there
 *                          is no IBAN
 * @param bankReference     the account-servicing bank's own reference for the movement
 * @param reversal          whether the line reverses an earlier one (a return or a canceled booking)
 */
public record StatementLine(String statementId, int sequence, LocalDate bookingDate, LocalDate valueDate, Money amount,
        Direction direction, String endToEndId, String creditorReference, String remittanceText,
        String counterpartyName, String counterpartyIban, String bankReference, boolean reversal) {

    public StatementLine {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(direction, "direction");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a line's amount is never negative, its direction gives the sign: " + amount);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }
}
