package receivables.api.terms;

import static receivables.api.terms.DueDateRule.Basis.INVOICE_DATE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.money.Money;

/**
 * When the parts of an invoice fall due and what paying early takes off.
 *
 * @param code         1 to 32 characters A-Z, 0-9, '_' and '-', e.g. {@code NET30}
 * @param name         what clerks and customers read, e.g. "Net 30 days"; at most 200 characters
 * @param installments at least one; their percents add up to exactly 100 (or are all the equal share
 *                     {@link #equalInstallments} gives them), and no installment can fall due before the
 *                     one before it, whatever the invoice date
 * @param discount     the early-payment discount, or {@code null} for none
 */
public record PaymentTerms(String code, String name, List<InstallmentRule> installments, EarlyPaymentDiscount discount) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final int MAX_NAME_LENGTH = 200;

    /**
     * Decimals of the percent of an equal installment that has no exact one: enough to read as a third
     * (33.333333) and to stay above 0 for {@link DueDateRule#MAX_DAYS} installments.
     */
    private static final int EQUAL_SHARE_SCALE = 6;

    private static final List<PaymentTerms> STANDARD = List.of(
            parse("DUE", "Due on receipt", "DUE"),
            parse("NET14", "Net 14 days", "NET14"),
            parse("NET30", "Net 30 days", "NET30"),
            parse("NET60", "Net 60 days", "NET60"),
            parse("EOM30", "End of month plus 30 days", "EOM+30"),
            parse("2-10-NET30", "2 % discount within 10 days, net 30 days", "2%/10 NET30"));

    public PaymentTerms {
        List<FieldViolation> violations = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(FieldViolation.of("code", "must be 1 to 32 characters A-Z, 0-9, _ or -"));
        }
        if (name == null || name.isBlank()) {
            violations.add(FieldViolation.of("name", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            violations.add(FieldViolation.of("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (installments == null || installments.isEmpty()) {
            violations.add(FieldViolation.of("installments", "must name at least one installment"));
        } else {
            boolean complete = true;
            for (int i = 0; i < installments.size(); i++) {
                if (installments.get(i) == null) {
                    violations.add(FieldViolation.of("installments[" + i + "]", "is required"));
                    complete = false;
                }
            }
            if (complete) {
                percentsProblem(installments).ifPresent(problem -> violations.add(FieldViolation.of("installments", problem)));
                for (int i = 1; i < installments.size(); i++) {
                    if (!installments.get(i).due().neverBefore(installments.get(i - 1).due())) {
                        violations.add(FieldViolation.of("installments[" + i + "].due",
                                "can fall due before installments[" + (i - 1) + "]"));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        installments = List.copyOf(installments);
    }

    /**
     * Reads terms written in the compact notation, keywords in any case:
     * <ul>
     * <li>{@code DUE}: all of it on the invoice date;</li>
     * <li>{@code NET30}: all of it 30 days after the invoice date;</li>
     * <li>{@code EOM+30}: all of it 30 days after the end of the invoice date's month; {@code EOM} alone
     * on the last day of that month;</li>
     * <li>{@code 3x30}: three equal installments, the first 30 days after the invoice date and then every
     * 30 days (see {@link #equalInstallments});</li>
     * <li>{@code 30%@0 40%@30 30%@EOM+60}: installments as {@code percent%@days} or
     * {@code percent%@EOM+days}, percents with decimals if need be ({@code 33.5%@0});</li>
     * <li>any of these after an early-payment discount {@code percent%/days}, e.g. {@code 2%/10 NET30}.</li>
     * </ul>
     *
     * @throws InvalidRequestException on the field {@code terms}, quoting the word at fault and its
     *                                 position, or on {@code code} or {@code name}
     */
    public static PaymentTerms parse(String code, String name, String notation) {
        return TermsNotation.parse(code, name, notation);
    }

    /**
     * Terms that split the total into {@code count} equal parts (the remainder of rounding on the last),
     * the first due {@code intervalDays} after the invoice date and then one every {@code intervalDays}:
     * {@code 3x30} falls due after 30, 60 and 90 days. The name says so.
     *
     * @throws InvalidRequestException on {@code count} or {@code intervalDays} when either is below 1 or
     *                                 the last installment would fall due more than
     *                                 {@link DueDateRule#MAX_DAYS} after the invoice date
     */
    public static PaymentTerms equalInstallments(String code, int count, int intervalDays) {
        return new PaymentTerms(code, count + " equal installments every " + intervalDays + " days",
                equalShares(count, intervalDays), null);
    }

    /** DUE, NET14, NET30, NET60, EOM30 and 2-10-NET30, ready for a new tenant. */
    public static List<PaymentTerms> standard() {
        return STANDARD;
    }

    /** These terms in the notation {@link #parse} reads back to equal terms. */
    public String notation() {
        return TermsNotation.format(this);
    }

    /**
     * The installments of an invoice of {@code total} dated {@code invoiceDate}: each share but the last is
     * its percent of the total rounded half-up to the currency's minor unit, and the last takes what is left,
     * so that they add up exactly to the total (30/40/30 % of 311.59 EUR: 93.48, 124.64, 93.47; see
     * {@link Money#split}).
     *
     * @throws InvalidRequestException on {@code total} unless it is positive, or on {@code invoiceDate}
     */
    public List<ScheduledInstallment> schedule(Money total, LocalDate invoiceDate) {
        List<FieldViolation> violations = new ArrayList<>();
        if (total == null) {
            violations.add(FieldViolation.of("total", "is required"));
        } else if (!total.isPositive()) {
            violations.add(FieldViolation.of("total", "must be greater than 0"));
        }
        if (invoiceDate == null) {
            violations.add(FieldViolation.of("invoiceDate", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<Money> amounts = total.split(installments.stream().map(InstallmentRule::percent).toList());
        LocalDate discountUntil = discount == null ? null : discount.until(invoiceDate);
        List<ScheduledInstallment> schedule = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            Money amount = amounts.get(i);
            schedule.add(new ScheduledInstallment(i + 1, installments.get(i).due().dueDate(invoiceDate), amount,
                    discountUntil, discount == null ? null : discount.amountOn(amount)));
        }
        return List.copyOf(schedule);
    }

    /** What {@link #equalInstallments} and {@code 3x30} stand for; see there. */
    static List<InstallmentRule> equalShares(int count, int intervalDays) {
        List<FieldViolation> violations = new ArrayList<>();
        if (count < 1) {
            violations.add(FieldViolation.of("count", "must be at least 1"));
        }
        if (intervalDays < 1) {
            violations.add(FieldViolation.of("intervalDays", "must be at least 1"));
        } else if ((long) count * intervalDays > DueDateRule.MAX_DAYS) {
            violations.add(FieldViolation.of("intervalDays", "puts the last installment " + (long) count * intervalDays
                    + " days after the invoice date, more than " + DueDateRule.MAX_DAYS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        BigDecimal share = equalShare(count);
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new InstallmentRule(share, new DueDateRule(INVOICE_DATE, i * intervalDays)))
                .toList();
    }

    /** Why the percents of {@code installments} do not make a whole, if they do not. */
    static Optional<String> percentsProblem(List<InstallmentRule> installments) {
        BigDecimal total = installments.stream().map(InstallmentRule::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal equalShare = equalShare(installments.size());
        if (total.compareTo(Percents.HUNDRED) == 0
                || installments.stream().allMatch(installment -> installment.percent().compareTo(equalShare) == 0)) {
            return Optional.empty();
        }
        return Optional.of("percents add up to " + Percents.normalized(total).toPlainString() + ", not 100");
    }

    /**
     * 100 / count, rounded where it has no exact decimal (a third): the shares are only weights for
     * {@link Money#split}, and equal weights split into equal parts whatever their value.
     */
    private static BigDecimal equalShare(int count) {
        return Percents.normalized(Percents.HUNDRED.divide(BigDecimal.valueOf(count), EQUAL_SHARE_SCALE, RoundingMode.HALF_UP));
    }
}
