package receivables.api.collections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * One notice to one customer from one dunning run, covering all its overdue items at their levels (and those a
 * reminder is due for).
 *
 * @param id            {@code null} in a preview
 * @param level         the highest level among the items
 * @param overdue       what the customer owes past due, charges included
 * @param fee           the fee charged with this notice, zero for none
 * @param interest      the interest charged with this notice, zero for none
 * @param chargeNumbers the numbers of the fee and interest items charged with it (none in a preview)
 * @param attempts      how often delivery was tried
 * @param deliveryDetail what the channel said, or why it was not tried
 */
public record DunningNotice(UUID id, LocalDate runDate, UUID customerId, int level, List<NoticeItem> items,
        Money overdue, Money fee, Money interest, List<String> chargeNumbers, String channel, DeliveryStatus delivery,
        int attempts, String deliveryDetail) {

    public DunningNotice {
        items = List.copyOf(items);
        chargeNumbers = List.copyOf(chargeNumbers);
    }
}
