package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.NoticeItem;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.TenantOwned;

/** One notice to one customer from one run, with where its delivery stands. */
@Entity(name = "DunningNotice")
@Table(name = "dunning_notice")
public class DunningNoticeEntity extends TenantOwned {

    static final int MAX_DETAIL = 500;

    @Id
    UUID id;

    @Column(name = "run_date", nullable = false)
    LocalDate runDate;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(name = "notice_level", nullable = false)
    int level;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal overdue;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal fee;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal interest;

    @Column(nullable = false, length = 32)
    String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    DeliveryStatus delivery;

    @Column(nullable = false)
    int attempts;

    @Column(name = "delivery_detail", length = MAX_DETAIL)
    String deliveryDetail;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected DunningNoticeEntity() {
    }

    DunningNoticeEntity(DunningNotice notice, Instant now) {
        this.id = notice.id();
        this.runDate = notice.runDate();
        this.customerId = notice.customerId();
        this.level = notice.level();
        this.currency = notice.overdue().currency();
        this.overdue = notice.overdue().amount();
        this.fee = notice.fee().amount();
        this.interest = notice.interest().amount();
        this.channel = notice.channel();
        this.delivery = notice.delivery();
        this.deliveryDetail = clip(notice.deliveryDetail());
        this.createdAt = now;
    }

    /** Records one delivery attempt; one that failed for now is flagged FAILED once {@code maxAttempts} are used up. */
    void attempted(DeliveryStatus status, String detail, int maxAttempts) {
        attempts++;
        if (status == DeliveryStatus.PENDING && attempts >= maxAttempts) {
            delivery = DeliveryStatus.FAILED;
            deliveryDetail = clip("gave up after " + attempts + " attempts: " + detail);
        } else {
            delivery = status;
            deliveryDetail = clip(detail);
        }
    }

    DunningNotice toValue(List<NoticeItem> items, List<String> chargeNumbers) {
        return new DunningNotice(id, runDate, customerId, level, items, Money.of(overdue, currency),
                Money.of(fee, currency), Money.of(interest, currency), chargeNumbers, channel, delivery, attempts,
                deliveryDetail);
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
