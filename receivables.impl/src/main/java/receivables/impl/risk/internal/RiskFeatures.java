package receivables.impl.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import receivables.api.risk.RiskFactor;
import receivables.impl.risk.internal.PaymentHistory.Customer;
import receivables.impl.risk.internal.PaymentHistory.Installment;

/**
 * The factors of {@link RiskFactor} for an installment of a customer on a day, from the customer's history up to that
 * day only, in the enum's order. Days are clamped, so that one installment decades late does not outweigh the rest.
 */
final class RiskFeatures {

    /** "Paid more than this many days late, or never" is what the probability is of. */
    static final int SEVERE_DAYS = 90;

    static final int RECENT = 3;
    static final int DISPUTE_DAYS = 365;
    static final int DUNNING_DAYS = 180;
    private static final double MIN_DAYS = -60;
    private static final double MAX_DAYS = 365;

    private RiskFeatures() {
    }

    /** What the customer's history said on {@code day}, the part that does not depend on the installment. */
    record Profile(double averageDaysLate, double recentDaysLate, double sharePaidLate, double shareOver90,
            double utilisation, int disputes, int dunningLevel, long relationshipDays, double averageAmount,
            double oldestOverdueDays, int settled) {
    }

    /** The customer's profile as of the end of {@code day}, leaving {@code except} out of the overdue items. */
    static Profile profile(Customer customer, LocalDate day, Installment except) {
        double weighted = 0;
        double weights = 0;
        int late = 0;
        int dueLongAgo = 0;
        int over90 = 0;
        double amounts = 0;
        int known = 0;
        BigDecimal open = BigDecimal.ZERO;
        double oldest = 0;
        LocalDate first = null;
        List<Installment> settled = new ArrayList<>();
        for (Installment item : customer.installments()) {
            if (item.issued().isAfter(day)) {
                break;
            }
            first = first == null ? item.issued() : first;
            if (item != except) {
                amounts += item.amount().doubleValue();
                known++;
            }
            Integer daysLate = item.daysLate(day);
            if (daysLate != null) {
                settled.add(item);
                double amount = item.amount().doubleValue();
                weighted += amount * clamp(daysLate);
                weights += amount;
                late += daysLate > 0 ? 1 : 0;
            }
            if (!item.due().plusDays(SEVERE_DAYS).isAfter(day)) {
                dueLongAgo++;
                over90 += Boolean.TRUE.equals(item.over90(day)) ? 1 : 0;
            }
            BigDecimal itemOpen = item.openOn(day);
            if (itemOpen.signum() > 0) {
                open = open.add(itemOpen);
                if (item != except && item.due().isBefore(day)) {
                    oldest = Math.max(oldest, day.toEpochDay() - item.due().toEpochDay());
                }
            }
        }
        double average = weights > 0 ? weighted / weights : 0;
        settled.sort(Comparator.comparing((Installment item) -> item.settledOn(day)).thenComparing(Installment::id));
        double recent = average;
        if (!settled.isEmpty()) {
            List<Installment> last = settled.subList(Math.max(0, settled.size() - RECENT), settled.size());
            recent = last.stream().mapToDouble(item -> clamp(item.daysLate(day))).average().orElse(average);
        }
        int disputes = (int) customer.disputes().stream()
                .filter(d -> !d.opened().isAfter(day) && d.opened().isAfter(day.minusDays(DISPUTE_DAYS))).count();
        int level = customer.notices().stream()
                .filter(n -> !n.day().isAfter(day) && n.day().isAfter(day.minusDays(DUNNING_DAYS)))
                .mapToInt(PaymentHistory.Notice::level).max().orElse(0);
        double utilisation = customer.creditLimit().signum() > 0
                ? open.divide(customer.creditLimit(), 6, RoundingMode.HALF_UP).doubleValue() : 0;
        return new Profile(average, recent, settled.isEmpty() ? 0 : (double) late / settled.size(),
                dueLongAgo == 0 ? 0 : (double) over90 / dueLongAgo, Math.min(utilisation, 10), disputes, level,
                first == null ? 0 : day.toEpochDay() - first.toEpochDay(), known == 0 ? 0 : amounts / known,
                clamp(oldest), settled.size());
    }

    /** The factors of {@code item} on {@code day}, in the order of {@link RiskFactor}. */
    static double[] of(PaymentHistory history, Customer customer, Installment item, LocalDate day) {
        Profile profile = profile(customer, day, item);
        double size = profile.averageAmount() > 0 ? Math.log(item.amount().doubleValue() / profile.averageAmount()) : 0;
        double overdue = item.openAt(day) ? Math.max(0, day.toEpochDay() - item.due().toEpochDay()) : 0;
        return vector(profile, history.disputed(item.invoiceId(), day) ? 1 : 0, size, clamp(overdue));
    }

    /** The factors of a typical new installment of the customer on {@code day}: its usual size, due in the future. */
    static double[] typical(Profile profile) {
        return vector(profile, 0, 0, 0);
    }

    private static double[] vector(Profile profile, double disputed, double size, double overdue) {
        double[] x = new double[RiskFactor.values().length];
        x[RiskFactor.DAYS_BEYOND_TERMS.ordinal()] = profile.averageDaysLate();
        x[RiskFactor.RECENT_DAYS_BEYOND_TERMS.ordinal()] = profile.recentDaysLate();
        x[RiskFactor.DELAY_TREND.ordinal()] = profile.recentDaysLate() - profile.averageDaysLate();
        x[RiskFactor.SHARE_PAID_LATE.ordinal()] = profile.sharePaidLate();
        x[RiskFactor.SHARE_OVER_90_DAYS.ordinal()] = profile.shareOver90();
        x[RiskFactor.CREDIT_UTILISATION.ordinal()] = profile.utilisation();
        x[RiskFactor.DISPUTES.ordinal()] = profile.disputes();
        x[RiskFactor.INVOICE_DISPUTED.ordinal()] = disputed;
        x[RiskFactor.DUNNING_LEVEL.ordinal()] = profile.dunningLevel();
        x[RiskFactor.RELATIONSHIP_DAYS.ordinal()] = profile.relationshipDays();
        x[RiskFactor.INVOICE_SIZE.ordinal()] = size;
        x[RiskFactor.OLDEST_OVERDUE_DAYS.ordinal()] = profile.oldestOverdueDays();
        x[RiskFactor.DAYS_OVERDUE.ordinal()] = overdue;
        return x;
    }

    private static double clamp(double days) {
        return Math.max(MIN_DAYS, Math.min(MAX_DAYS, days));
    }
}
