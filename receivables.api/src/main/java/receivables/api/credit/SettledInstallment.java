package receivables.api.credit;

import receivables.api.money.Money;

/**
 * What a credit note or write-off took off one installment of its invoice.
 *
 * @param installment 1-based installment of the invoice
 */
public record SettledInstallment(int installment, Money amount) {
}
