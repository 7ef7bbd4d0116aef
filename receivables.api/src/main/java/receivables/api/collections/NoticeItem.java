package receivables.api.collections;

import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * One open installment a notice names.
 *
 * @param daysPastDue negative for an installment not yet due (a reminder)
 * @param level       the policy level the installment is at (1-based)
 * @param charge      whether it is a fee or interest item a dunning run charged
 */
public record NoticeItem(UUID invoiceId, String invoiceNumber, int installment, LocalDate dueDate, Money open,
        int daysPastDue, int level, boolean charge) {
}
