package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import receivables.api.collections.CollectionStage;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.NoticeItem;
import receivables.api.money.Money;

/**
 * What one customer's dunning comes to on one day, without touching the database: the interest its overdue items
 * accrue, and whether a notice goes out, at which level, with which items, fee, interest, credit hold and
 * escalations. The run and its preview both ask this, so that a preview shows exactly what the run would do.
 *
 * <p>The rules: an item is at the highest level whose days it has reached (reminders before the due date, dunning
 * after it, nothing on the due date itself). A notice goes out when an item has reached a level it was not noticed
 * at (fee and interest items only at dunning levels, not reminders), no notice went to the customer in the policy's
 * minimum days, no promise to pay is pending, and, for dunning
 * levels, what the customer owes past due in its currency is at least the policy's minimum. It covers every overdue
 * item at its level (disputed ones left out), and reminders only when they are new. The fee of the notice's level is
 * charged once: when an item reaches that level without having carried its fee. Interest accrues daily (actual/365)
 * on what each overdue item still owes, charges excepted, from its due date or the day it was last accrued to.
 */
final class DunningCalculation {

    static final int INTEREST_SCALE = 10;
    private static final BigDecimal DAYS_A_YEAR = new BigDecimal("365");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One open installment of the customer. */
    record OpenItem(UUID installmentId, UUID invoiceId, String invoiceNumber, int sequence, LocalDate dueDate, Money open,
            boolean disputed, boolean charge) {
    }

    /** Where an installment stood after the customer's last run; {@link #NEW} for one never dunned. */
    record ItemState(int noticedLevel, int feeLevel, BigDecimal accrued, LocalDate accruedUntil) {
        static final ItemState NEW = new ItemState(0, 0, BigDecimal.ZERO, null);
    }

    /**
     * The outcome for one customer.
     *
     * @param states    the items' new states, by installment
     * @param notice    the notice's items, empty when none goes out
     * @param noticeInstallments the installment of each of the notice's items, in their order
     * @param interest  the interest to charge with the notice, per currency (rounded to each currency's minor unit)
     * @param escalations the stages newly reached
     */
    record Outcome(Map<UUID, ItemState> states, List<NoticeItem> notice, List<UUID> noticeInstallments, int level,
            Money overdue, Money fee, Map<String, Money> interest, boolean creditHold, List<CollectionStage> escalations) {

        boolean noticeGoesOut() {
            return !notice.isEmpty();
        }
    }

    private DunningCalculation() {
    }

    static Outcome of(DunningPolicy policy, LocalDate date, String customerCurrency, List<OpenItem> items,
            Map<UUID, ItemState> before, Optional<LocalDate> lastNotice, boolean promisePending) {
        Map<UUID, ItemState> states = new LinkedHashMap<>();
        Money overdue = Money.zero(customerCurrency);
        for (OpenItem item : items) {
            ItemState state = before.getOrDefault(item.installmentId(), ItemState.NEW);
            int daysPastDue = daysPastDue(item, date);
            if (!item.disputed() && !item.charge() && daysPastDue > 0) {
                state = accrue(policy, state, item, date);
            }
            states.put(item.installmentId(), state);
            if (!item.disputed() && daysPastDue > 0 && item.open().currency().equals(customerCurrency)) {
                overdue = overdue.plus(item.open());
            }
        }
        boolean dunningAllowed = overdue.amount().compareTo(policy.minimumOverdue()) >= 0;
        boolean spaced = lastNotice.map(last -> !date.isBefore(last.plusDays(policy.minDaysBetweenNotices()))).orElse(true);
        List<OpenItem> covered = new ArrayList<>();
        boolean somethingNew = false;
        int previousLevel = 0;
        for (OpenItem item : items) {
            int daysPastDue = daysPastDue(item, date);
            int level = policy.levelAt(daysPastDue);
            ItemState state = states.get(item.installmentId());
            previousLevel = Math.max(previousLevel, state.noticedLevel());
            // Fee and interest items are dunned once overdue, but get no friendly reminder of their own.
            if (item.disputed() || level == 0 || (daysPastDue > 0 && !dunningAllowed) || (daysPastDue < 0 && item.charge())) {
                continue;
            }
            boolean isNew = level > state.noticedLevel();
            if (daysPastDue > 0 || isNew) {
                covered.add(item);
                somethingNew |= isNew;
            }
        }
        if (!somethingNew || !spaced || promisePending) {
            return new Outcome(states, List.of(), List.of(), 0, overdue, Money.zero(customerCurrency), Map.of(), false,
                    List.of());
        }
        List<NoticeItem> notice = new ArrayList<>();
        List<UUID> noticeInstallments = new ArrayList<>();
        int level = 0;
        for (OpenItem item : covered) {
            int daysPastDue = daysPastDue(item, date);
            int itemLevel = policy.levelAt(daysPastDue);
            level = Math.max(level, itemLevel);
            notice.add(new NoticeItem(item.invoiceId(), item.invoiceNumber(), item.sequence(), item.dueDate(), item.open(),
                    daysPastDue, itemLevel, item.charge()));
            noticeInstallments.add(item.installmentId());
        }
        DunningLevel reached = policy.level(level);
        boolean feeDue = false;
        Map<String, BigDecimal> accruedByCurrency = new LinkedHashMap<>();
        for (OpenItem item : covered) {
            ItemState state = states.get(item.installmentId());
            int itemLevel = policy.levelAt(daysPastDue(item, date));
            int feeLevel = state.feeLevel();
            if (!item.charge() && itemLevel == level && reached.fee().signum() > 0 && feeLevel < level) {
                feeDue = true;
                feeLevel = level;
            }
            accruedByCurrency.merge(item.open().currency(), state.accrued(), BigDecimal::add);
            states.put(item.installmentId(), new ItemState(itemLevel, feeLevel, state.accrued(), state.accruedUntil()));
        }
        Map<String, Money> interest = new LinkedHashMap<>();
        accruedByCurrency.forEach((currency, accrued) -> {
            Money charged = Money.rounded(accrued, currency);
            if (charged.isPositive()) {
                interest.put(currency, charged);
            }
        });
        keepRoundingRemainders(covered, states, interest);
        boolean creditHold = false;
        List<CollectionStage> escalations = new ArrayList<>();
        for (int number = previousLevel + 1; number <= level; number++) {
            DunningLevel passed = policy.level(number);
            creditHold |= passed.creditHold();
            if (passed.escalateTo() != null) {
                escalations.add(passed.escalateTo());
            }
        }
        Money fee = feeDue ? Money.rounded(reached.fee(), customerCurrency) : Money.zero(customerCurrency);
        return new Outcome(states, notice, noticeInstallments, level, overdue, fee, interest, creditHold, escalations);
    }

    /**
     * The interest of {@code item} accrued up to {@code date}: simple daily interest on what it owes now, for each day
     * since it was last accrued to, or since its due date.
     */
    static ItemState accrue(DunningPolicy policy, ItemState state, OpenItem item, LocalDate date) {
        if (policy.annualInterestPercent().signum() == 0) {
            return state;
        }
        LocalDate from = state.accruedUntil() == null || state.accruedUntil().isBefore(item.dueDate()) ? item.dueDate()
                : state.accruedUntil();
        long days = ChronoUnit.DAYS.between(from, date);
        if (days <= 0) {
            return state;
        }
        BigDecimal added = item.open().amount().multiply(policy.annualInterestPercent()).multiply(BigDecimal.valueOf(days))
                .divide(HUNDRED.multiply(DAYS_A_YEAR), INTEREST_SCALE, RoundingMode.HALF_UP);
        return new ItemState(state.noticedLevel(), state.feeLevel(), state.accrued().add(added), date);
    }

    /**
     * Charged interest leaves the items' accruals at what rounding to the minor unit left over (kept on the first item
     * of each currency), so that nothing accrued is lost.
     */
    private static void keepRoundingRemainders(List<OpenItem> covered, Map<UUID, ItemState> states,
            Map<String, Money> charged) {
        Map<String, BigDecimal> remainders = new HashMap<>();
        for (OpenItem item : covered) {
            ItemState state = states.get(item.installmentId());
            remainders.merge(item.open().currency(), state.accrued(), BigDecimal::add);
        }
        Map<String, Boolean> kept = new HashMap<>();
        for (OpenItem item : covered) {
            String currency = item.open().currency();
            ItemState state = states.get(item.installmentId());
            BigDecimal remainder = BigDecimal.ZERO;
            if (kept.putIfAbsent(currency, Boolean.TRUE) == null) {
                remainder = remainders.get(currency).subtract(charged.containsKey(currency)
                        ? charged.get(currency).amount() : BigDecimal.ZERO);
            }
            states.put(item.installmentId(), new ItemState(state.noticedLevel(), state.feeLevel(), remainder,
                    state.accruedUntil()));
        }
    }

    static int daysPastDue(OpenItem item, LocalDate date) {
        return (int) ChronoUnit.DAYS.between(item.dueDate(), date);
    }
}
