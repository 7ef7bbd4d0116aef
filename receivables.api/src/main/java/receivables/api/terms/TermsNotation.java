package receivables.api.terms;

import static receivables.api.terms.DueDateRule.Basis.END_OF_MONTH;
import static receivables.api.terms.DueDateRule.Basis.INVOICE_DATE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

/**
 * Reads and writes the notation of {@link PaymentTerms#parse}. Every mistake in it is reported on the
 * field {@code terms}.
 */
final class TermsNotation {

    private static final String FIELD = "terms";

    // Minus signs are read so that "NET-5" is reported as negative days rather than as gibberish.
    private static final String PERCENT = "(-?\\d+(?:\\.\\d+)?)";
    private static final String DAYS = "(-?\\d+)";

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern DISCOUNT = Pattern.compile(PERCENT + "%/" + DAYS);
    private static final Pattern DUE = Pattern.compile("DUE");
    private static final Pattern NET = Pattern.compile("NET" + DAYS);
    private static final Pattern END_OF_MONTH_ONLY = Pattern.compile("EOM(?:\\+" + DAYS + ")?");
    private static final Pattern EQUAL = Pattern.compile(DAYS + "X" + DAYS);
    private static final Pattern INSTALLMENT = Pattern.compile(PERCENT + "%@(?:" + DAYS + "|EOM(?:\\+" + DAYS + ")?)");

    private static final String EXAMPLES = "write e.g. DUE, NET30, EOM, EOM+30, 3x30 or 30%@0 70%@30, "
            + "optionally after a discount such as 2%/10";

    private TermsNotation() {
    }

    static PaymentTerms parse(String code, String name, String notation) {
        List<Word> words = words(notation);
        if (words.isEmpty()) {
            throw invalid("is empty; " + EXAMPLES);
        }
        EarlyPaymentDiscount discount = words.get(0).discount().orElse(null);
        List<Word> terms = discount == null ? words : words.subList(1, words.size());
        if (terms.isEmpty()) {
            throw invalid("has a discount but no terms after it, e.g. " + words.get(0).text() + " NET30");
        }
        List<InstallmentRule> installments = terms.size() == 1
                ? terms.get(0).alone().orElseGet(() -> plan(terms))
                : plan(terms);
        return new PaymentTerms(code, name, installments, discount);
    }

    static String format(PaymentTerms terms) {
        EarlyPaymentDiscount discount = terms.discount();
        String installments = format(terms.installments());
        return discount == null ? installments : discount.percent().toPlainString() + "%/" + discount.days() + " " + installments;
    }

    private static String format(List<InstallmentRule> installments) {
        if (installments.size() == 1) {
            DueDateRule due = installments.get(0).due();
            if (due.basis() == END_OF_MONTH) {
                return endOfMonth(due.days());
            }
            return due.days() == 0 ? "DUE" : "NET" + due.days();
        }
        int count = installments.size();
        int interval = installments.get(0).due().days();
        if (interval > 0 && (long) count * interval <= DueDateRule.MAX_DAYS
                && installments.equals(PaymentTerms.equalShares(count, interval))) {
            return count + "x" + interval;
        }
        return installments.stream()
                .map(installment -> installment.percent().toPlainString() + "%@" + days(installment.due()))
                .collect(Collectors.joining(" "));
    }

    private static String days(DueDateRule due) {
        return due.basis() == END_OF_MONTH ? endOfMonth(due.days()) : String.valueOf(due.days());
    }

    private static String endOfMonth(int days) {
        return days == 0 ? "EOM" : "EOM+" + days;
    }

    private static List<InstallmentRule> plan(List<Word> words) {
        List<InstallmentRule> installments = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            InstallmentRule installment = words.get(i).installment();
            if (i > 0 && !installment.due().neverBefore(installments.get(i - 1).due())) {
                throw words.get(i).invalid("can fall due before " + words.get(i - 1).quoted() + " before it");
            }
            installments.add(installment);
        }
        PaymentTerms.percentsProblem(installments).ifPresent(problem -> {
            throw invalid(problem);
        });
        return installments;
    }

    private static List<Word> words(String notation) {
        List<Word> words = new ArrayList<>();
        if (notation != null) {
            Matcher word = WORD.matcher(notation);
            while (word.find()) {
                words.add(new Word(word.group(), word.start() + 1));
            }
        }
        return words;
    }

    /** The number as written; one too large for an int is out of every range, so it stays so. */
    private static int number(String digits) {
        BigInteger number = new BigInteger(digits);
        if (number.bitLength() < Integer.SIZE) {
            return number.intValue();
        }
        return number.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }

    private static InstallmentRule whole(DueDateRule.Basis basis, int days) {
        return new InstallmentRule(Percents.HUNDRED, new DueDateRule(basis, days));
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(FieldViolation.of(FIELD, message));
    }

    /**
     * One word of the notation.
     *
     * @param position of its first character in the notation, counted from 1
     */
    private record Word(String text, int position) {

        String quoted() {
            return "`" + text + "`";
        }

        InvalidRequestException invalid(String message) {
            return TermsNotation.invalid(quoted() + " (at character " + position + ") " + message);
        }

        /** Builds what this word means, blaming it for whatever the values refuse. */
        <T> T read(Supplier<T> value) {
            try {
                return value.get();
            } catch (InvalidRequestException e) {
                throw invalid(e.violations().stream()
                        .map(violation -> violation.field() + " " + violation.message())
                        .collect(Collectors.joining("; ")));
            }
        }

        Optional<EarlyPaymentDiscount> discount() {
            Matcher discount = DISCOUNT.matcher(upper());
            if (!discount.matches()) {
                return Optional.empty();
            }
            return Optional.of(read(() -> new EarlyPaymentDiscount(new BigDecimal(discount.group(1)), number(discount.group(2)))));
        }

        /** The terms this word makes on its own, such as NET30, if it is one of those. */
        Optional<List<InstallmentRule>> alone() {
            String word = upper();
            if (DUE.matcher(word).matches()) {
                return Optional.of(List.of(whole(INVOICE_DATE, 0)));
            }
            Matcher net = NET.matcher(word);
            if (net.matches()) {
                return Optional.of(read(() -> List.of(whole(INVOICE_DATE, number(net.group(1))))));
            }
            Matcher endOfMonth = END_OF_MONTH_ONLY.matcher(word);
            if (endOfMonth.matches()) {
                return Optional.of(read(() -> List.of(whole(END_OF_MONTH, daysOrZero(endOfMonth.group(1))))));
            }
            Matcher equal = EQUAL.matcher(word);
            if (equal.matches()) {
                return Optional.of(read(() -> PaymentTerms.equalShares(number(equal.group(1)), number(equal.group(2)))));
            }
            return Optional.empty();
        }

        InstallmentRule installment() {
            Matcher installment = INSTALLMENT.matcher(upper());
            if (!installment.matches()) {
                throw invalid(whyNoInstallment());
            }
            return read(() -> {
                DueDateRule due = installment.group(2) != null
                        ? new DueDateRule(INVOICE_DATE, number(installment.group(2)))
                        : new DueDateRule(END_OF_MONTH, daysOrZero(installment.group(3)));
                return new InstallmentRule(new BigDecimal(installment.group(1)), due);
            });
        }

        private String whyNoInstallment() {
            String word = upper();
            if (DISCOUNT.matcher(word).matches()) {
                return "is a discount, which comes once and first";
            }
            if (List.of(DUE, NET, END_OF_MONTH_ONLY, EQUAL).stream().anyMatch(terms -> terms.matcher(word).matches())) {
                return "is complete terms of its own and cannot be combined with others";
            }
            return "is not understood; " + EXAMPLES;
        }

        private String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        private static int daysOrZero(String digits) {
            return digits == null ? 0 : number(digits);
        }
    }
}
