package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.collections.CollectionStage;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.NoticeItem;
import receivables.api.money.Money;
import receivables.impl.collections.internal.DunningCalculation.ItemState;
import receivables.impl.collections.internal.DunningCalculation.OpenItem;
import receivables.impl.collections.internal.DunningCalculation.Outcome;

class DunningCalculationTest {

    static final DunningPolicy POLICY = new DunningPolicy("STD", "Standard", List.of(
            new DunningLevel(-3, BigDecimal.ZERO, false, null),
            new DunningLevel(7, new BigDecimal("5.00"), false, null),
            new DunningLevel(21, new BigDecimal("10.00"), true, null),
            new DunningLevel(35, new BigDecimal("15.00"), false, CollectionStage.AGENCY)),
            5, new BigDecimal("20.00"), new BigDecimal("10"), "NET14", "en", "email", List.of(), true, 0);
    static final LocalDate DUE = LocalDate.of(2026, 3, 16);

    @Test
    void levelsApplyByDaysRelativeToTheDueDateAndNeverOnTheDueDateItself() {
        assertThat(POLICY.levelAt(-4)).isZero();
        assertThat(POLICY.levelAt(-3)).isEqualTo(1);
        assertThat(POLICY.levelAt(-1)).isEqualTo(1);
        assertThat(POLICY.levelAt(0)).isZero();
        assertThat(POLICY.levelAt(1)).isZero();
        assertThat(POLICY.levelAt(7)).isEqualTo(2);
        assertThat(POLICY.levelAt(20)).isEqualTo(2);
        assertThat(POLICY.levelAt(21)).isEqualTo(3);
        assertThat(POLICY.levelAt(400)).isEqualTo(4);
    }

    @Test
    void aReminderGoesOutBeforeTheDueDateWithoutFeeOrInterest() {
        Outcome outcome = outcome(DUE.minusDays(3), Map.of(), Optional.empty(), item("100.00", DUE));

        assertThat(outcome.noticeGoesOut()).isTrue();
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.notice()).extracting(NoticeItem::daysPastDue).containsExactly(-3);
        assertThat(outcome.fee().isZero()).isTrue();
        assertThat(outcome.interest()).isEmpty();
    }

    @Test
    void nothingGoesOutOnTheDueDateNorBetweenItAndTheFirstDunningLevel() {
        OpenItem item = item("100.00", DUE);
        Map<UUID, ItemState> reminded = Map.of(item.installmentId(), new ItemState(1, 0, BigDecimal.ZERO, null));
        assertThat(outcome(DUE, reminded, Optional.of(DUE.minusDays(3)), item).noticeGoesOut()).isFalse();
        assertThat(outcome(DUE.plusDays(6), reminded, Optional.of(DUE.minusDays(3)), item).noticeGoesOut()).isFalse();
    }

    @Test
    void oneNoticeCoversEveryOverdueItemAtItsLevelAndChargesTheLevelsFeeOnce() {
        OpenItem older = item("100.00", DUE.minusDays(14));
        OpenItem newer = item("50.00", DUE);
        Map<UUID, ItemState> before = Map.of(older.installmentId(), new ItemState(2, 2, BigDecimal.ZERO, DUE.plusDays(7)));

        Outcome outcome = outcome(DUE.plusDays(7), before, Optional.of(DUE.minusDays(7)), older, newer);

        assertThat(outcome.notice()).extracting(NoticeItem::level).containsExactly(3, 2);
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.fee()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(outcome.creditHold()).isTrue();
        assertThat(outcome.states().get(older.installmentId()).feeLevel()).isEqualTo(3);
        // The same level again charges no fee.
        Outcome again = outcome(DUE.plusDays(8), outcome.states(), Optional.of(DUE.minusDays(7)), older, newer);
        assertThat(again.noticeGoesOut()).isFalse();
    }

    @Test
    void noticesKeepTheirDistanceAndDunningWaitsForTheMinimumOverdue() {
        OpenItem item = item("100.00", DUE);
        assertThat(outcome(DUE.plusDays(7), Map.of(), Optional.of(DUE.plusDays(3)), item).noticeGoesOut()).isFalse();
        assertThat(outcome(DUE.plusDays(8), Map.of(), Optional.of(DUE.plusDays(3)), item).noticeGoesOut()).isTrue();
        assertThat(outcome(DUE.plusDays(7), Map.of(), Optional.empty(), item("19.99", DUE)).noticeGoesOut()).isFalse();
    }

    @Test
    void disputedItemsAndPendingPromisesStopNotices() {
        OpenItem disputed = new OpenItem(UUID.randomUUID(), UUID.randomUUID(), "INV-1", 1, DUE, Money.of("500.00", "EUR"),
                true, false);
        assertThat(outcome(DUE.plusDays(10), Map.of(), Optional.empty(), disputed).noticeGoesOut()).isFalse();
        assertThat(DunningCalculation.of(POLICY, DUE.plusDays(10), "EUR", List.of(item("100.00", DUE)), Map.of(),
                Optional.empty(), true).noticeGoesOut()).isFalse();
    }

    @Test
    void interestAccruesDailyOnTheOpenPrincipalAndIsChargedWithTheNoticeKeepingWhatRoundingLeaves() {
        OpenItem item = item("1000.00", DUE);
        // 1000.00 at 10 % for 7 days: 1000 * 0.10 * 7 / 365 = 1.9178082192
        Outcome outcome = outcome(DUE.plusDays(7), Map.of(), Optional.empty(), item);

        assertThat(outcome.interest()).containsEntry("EUR", Money.of("1.92", "EUR"));
        ItemState state = outcome.states().get(item.installmentId());
        assertThat(state.accrued()).isEqualByComparingTo("-0.0021917808");
        assertThat(state.accruedUntil()).isEqualTo(DUE.plusDays(7));
        // Accruing again on the same day adds nothing.
        assertThat(DunningCalculation.accrue(POLICY, state, item, DUE.plusDays(7))).isEqualTo(state);
        assertThat(DunningCalculation.accrue(POLICY, state, item, DUE.plusDays(8)).accrued())
                .isEqualByComparingTo("0.2717808219");
    }

    @Test
    void escalationHappensOnceWhenItsLevelIsReached() {
        OpenItem item = item("100.00", DUE);
        Map<UUID, ItemState> before = Map.of(item.installmentId(), new ItemState(3, 3, BigDecimal.ZERO, DUE.plusDays(30)));
        Outcome outcome = outcome(DUE.plusDays(35), before, Optional.of(DUE.plusDays(21)), item);
        assertThat(outcome.escalations()).containsExactly(CollectionStage.AGENCY);
        assertThat(outcome.creditHold()).isFalse();
    }

    private static Outcome outcome(LocalDate date, Map<UUID, ItemState> before, Optional<LocalDate> lastNotice,
            OpenItem... items) {
        return DunningCalculation.of(POLICY, date, "EUR", List.of(items), before, lastNotice, false);
    }

    private static OpenItem item(String open, LocalDate due) {
        return new OpenItem(UUID.randomUUID(), UUID.randomUUID(), "INV-" + due, 1, due, Money.of(open, "EUR"), false, false);
    }
}
