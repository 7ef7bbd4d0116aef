package receivables.api.credit;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * What a clerk asks to credit on an invoice.
 *
 * @param amount gross, in the invoice's currency, at most what is still open; {@code null} for everything
 *               still open
 * @param reason why, as the customer reads it, e.g. "2 of 10 widgets returned"; at most 200 characters
 * @param date   the credit note's date, not before the invoice's issue date; its year numbers the note
 */
public record CreditNoteRequest(Money amount, String reason, LocalDate date) {
}
