package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import receivables.impl.risk.internal.PaymentHistory.Allocation;
import receivables.impl.risk.internal.PaymentHistory.Customer;
import receivables.impl.risk.internal.PaymentHistory.Dispute;
import receivables.impl.risk.internal.PaymentHistory.Installment;
import receivables.impl.risk.internal.PaymentHistory.Notice;

/**
 * Whatever a customer's history, the factors as of a day are finite and do not move when anything happens after that
 * day: installments issued later, payments, reversals and write-offs value-dated later, disputes opened and notices
 * sent later. Amounts run from a cent to 10^14, allocations may over- or under-pay and be taken back.
 */
class RiskFeaturesPropertiesTest {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final int DAYS = 500;

    @Property(tries = 300)
    void theFactorsAsOfADayIgnoreEverythingAfterIt(@ForAll long seed) {
        Random random = new Random(seed);
        LocalDate day = START.plusDays(random.nextInt(DAYS));
        History known = History.random(random, day);
        History later = known.withLater(random, day);
        PaymentHistory before = known.history();
        PaymentHistory after = later.history();

        for (Installment item : known.installments) {
            if (item.issued().isAfter(day)) {
                continue;
            }
            double[] x = RiskFeatures.of(before, before.customer(History.ID), item, day);
            assertThat(Arrays.stream(x).allMatch(Double::isFinite)).as(Arrays.toString(x)).isTrue();
            Installment same = after.customer(History.ID).installments().stream()
                    .filter(other -> other.id().equals(item.id())).findFirst().orElseThrow();
            assertThat(RiskFeatures.of(after, after.customer(History.ID), same, day)).containsExactly(x);
            assertThat(same.daysLate(day)).isEqualTo(item.daysLate(day));
            assertThat(same.over90(day)).isEqualTo(item.over90(day));
        }
        assertThat(RiskFeatures.typical(RiskFeatures.profile(after.customer(History.ID), day, null)))
                .containsExactly(RiskFeatures.typical(RiskFeatures.profile(before.customer(History.ID), day, null)));
    }

    /** A customer's installments, disputes and notices, up to a day or beyond it. */
    record History(BigDecimal limit, List<Installment> installments, List<Dispute> disputes, List<Notice> notices) {

        static final UUID ID = new UUID(0, 1);

        static History random(Random random, LocalDate day) {
            BigDecimal limit = random.nextInt(4) == 0 ? BigDecimal.ZERO : amount(random);
            List<Installment> installments = new ArrayList<>();
            List<Dispute> disputes = new ArrayList<>();
            List<Notice> notices = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                LocalDate issued = START.plusDays(random.nextInt(DAYS));
                if (issued.isAfter(day)) {
                    continue;
                }
                installments.add(installment(random, issued, day, i));
            }
            History history = new History(limit, installments, disputes, notices);
            history.addEvents(random, day, false);
            return history;
        }

        /** The same history, and installments, allocations, disputes and notices after {@code day}. */
        History withLater(Random random, LocalDate day) {
            List<Installment> more = new ArrayList<>();
            for (Installment item : installments) {
                List<Allocation> allocations = new ArrayList<>(item.allocations());
                allocations.addAll(allocations(random, item.amount(), day.plusDays(1), 120));
                more.add(new Installment(item.id(), item.invoiceId(), item.sequence(), item.customerId(), item.issued(),
                        item.due(), item.amount(), List.copyOf(allocations)));
            }
            for (int i = 0; i < random.nextInt(4); i++) {
                more.add(installment(random, day.plusDays(1 + random.nextInt(60)), day.plusDays(200), 100 + i));
            }
            History later = new History(limit, more, new ArrayList<>(disputes), new ArrayList<>(notices));
            later.addEvents(random, day, true);
            return later;
        }

        private void addEvents(Random random, LocalDate day, boolean after) {
            for (Installment item : installments) {
                if (random.nextInt(3) == 0) {
                    LocalDate opened = after ? day.plusDays(1 + random.nextInt(30))
                            : item.issued().plusDays(random.nextInt(Math.max(1, (int) (day.toEpochDay()
                                    - item.issued().toEpochDay()) + 1)));
                    disputes.add(new Dispute(item.invoiceId(), opened, random.nextBoolean() ? null
                            : opened.plusDays(random.nextInt(90))));
                }
            }
            for (int i = 0; i < random.nextInt(5); i++) {
                notices.add(new Notice(after ? day.plusDays(1 + random.nextInt(30)) : day.minusDays(random.nextInt(400)),
                        1 + random.nextInt(3)));
            }
        }

        PaymentHistory history() {
            List<Installment> sorted = new ArrayList<>(installments);
            sorted.sort(Comparator.comparing(Installment::issued).thenComparing(Installment::due)
                    .thenComparing(Installment::id));
            return new PaymentHistory(List.of(new Customer(ID, limit, List.copyOf(sorted), List.copyOf(disputes),
                    List.copyOf(notices))));
        }

        /** An installment issued on {@code issued} whose allocations are value-dated up to {@code until}. */
        private static Installment installment(Random random, LocalDate issued, LocalDate until, int number) {
            BigDecimal amount = amount(random);
            int span = (int) Math.max(1, until.toEpochDay() - issued.toEpochDay() + 1);
            return new Installment(new UUID(1, number), new UUID(2, number), 1, ID, issued,
                    issued.plusDays(random.nextInt(91)), amount, List.copyOf(allocations(random, amount, issued, span)));
        }

        /** Payments, over- or under-paying, some taken back, some written off, value-dated in {@code span} days. */
        private static List<Allocation> allocations(Random random, BigDecimal amount, LocalDate from, int span) {
            List<Allocation> allocations = new ArrayList<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                LocalDate value = from.plusDays(random.nextInt(Math.max(1, span)));
                BigDecimal paid = random.nextBoolean() ? amount : amount.divide(BigDecimal.valueOf(2 + random.nextInt(3)),
                        2, RoundingMode.DOWN);
                allocations.add(new Allocation(value, paid, random.nextInt(6) == 0));
                if (random.nextInt(5) == 0) {
                    allocations.add(new Allocation(value.plusDays(random.nextInt(10)), paid.negate(), false));
                }
            }
            return allocations;
        }

        private static BigDecimal amount(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> new BigDecimal("0.01");
                case 1 -> new BigDecimal("100000000000000.00");
                default -> BigDecimal.valueOf(1 + random.nextInt(1_000_000), 2);
            };
        }
    }
}
