package receivables.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * What one customer owes in one currency over a period: the balance before it, every invoice and payment
 * in it with the running balance, and the balance at its end. A positive balance is owed by the customer,
 * a negative one is the customer's credit.
 *
 * @param from      first day of the period
 * @param to        last day of the period, inclusive
 * @param movements ordered by date, then invoices before payments, then reference
 */
public record CustomerStatement(UUID customerId, String customerName, String currency, LocalDate from, LocalDate to,
        Money openingBalance, List<StatementMovement> movements, Money closingBalance) {

    /**
     * @throws IllegalArgumentException when the opening balance is in another currency, or a running
     *                                  balance or the closing balance does not follow from the opening balance
     *                                  and the movements: a statement that does not add up is never handed out
     */
    public CustomerStatement {
        movements = List.copyOf(movements);
        if (!openingBalance.currency().equals(currency)) {
            throw new IllegalArgumentException("a statement in " + currency + " opens with " + openingBalance);
        }
        Money balance = openingBalance;
        for (StatementMovement movement : movements) {
            balance = balance.plus(movement.debit()).minus(movement.credit());
            if (!balance.equals(movement.balance())) {
                throw new IllegalArgumentException("running balance after " + movement.kind() + " "
                        + movement.reference() + " is " + movement.balance() + ", not " + balance);
            }
        }
        if (!balance.equals(closingBalance)) {
            throw new IllegalArgumentException("closing balance is " + closingBalance + ", not " + balance);
        }
    }
}
