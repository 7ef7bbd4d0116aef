package receivables.api.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static receivables.api.terms.DueDateRule.Basis.END_OF_MONTH;
import static receivables.api.terms.DueDateRule.Basis.INVOICE_DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

class DueDateRuleTest {

    @Test
    void countsFromTheInvoiceDate() {
        assertThat(new DueDateRule(INVOICE_DATE, 30).dueDate(LocalDate.of(2025, 3, 15))).isEqualTo("2025-04-14");
        assertThat(new DueDateRule(INVOICE_DATE, 0).dueDate(LocalDate.of(2025, 3, 15))).isEqualTo("2025-03-15");
    }

    @Test
    void countsFromTheEndOfTheInvoicesMonth() {
        assertThat(new DueDateRule(END_OF_MONTH, 30).dueDate(LocalDate.of(2028, 2, 10))).isEqualTo("2028-03-30");
        assertThat(new DueDateRule(END_OF_MONTH, 0).dueDate(LocalDate.of(2028, 2, 10))).isEqualTo("2028-02-29");
        assertThat(new DueDateRule(END_OF_MONTH, 30).dueDate(LocalDate.of(2028, 1, 31))).isEqualTo("2028-03-01");
        assertThat(new DueDateRule(END_OF_MONTH, 30).dueDate(LocalDate.of(2027, 1, 31))).isEqualTo("2027-03-02");
        assertThat(new DueDateRule(END_OF_MONTH, 30).dueDate(LocalDate.of(2027, 2, 1))).isEqualTo("2027-03-30");
        assertThat(new DueDateRule(END_OF_MONTH, 30).dueDate(LocalDate.of(2027, 12, 5))).isEqualTo("2028-01-30");
    }

    @Test
    void refusesDaysOutsideTenYears() {
        assertThat(new DueDateRule(INVOICE_DATE, 3650).days()).isEqualTo(3650);
        assertThatThrownBy(() -> new DueDateRule(INVOICE_DATE, -1))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(FieldViolation.of("days", "must be between 0 and 3650")));
        assertThatThrownBy(() -> new DueDateRule(END_OF_MONTH, 3651)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DueDateRule(null, 30))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("basis"));
    }

    @Test
    void fallsDueNoEarlierExactlyWhenNoInvoiceDateSaysOtherwise() {
        List<DueDateRule> rules = new ArrayList<>();
        for (int days = 0; days <= 45; days++) {
            rules.add(new DueDateRule(INVOICE_DATE, days));
            rules.add(new DueDateRule(END_OF_MONTH, days));
        }
        // Two years, one of them a leap year, hold every day of every length of month.
        List<LocalDate> invoiceDates = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2029, 1, 1)).toList();
        for (DueDateRule later : rules) {
            for (DueDateRule earlier : rules) {
                boolean neverBefore = invoiceDates.stream()
                        .allMatch(date -> !later.dueDate(date).isBefore(earlier.dueDate(date)));
                assertThat(later.neverBefore(earlier)).as("%s never before %s", later, earlier).isEqualTo(neverBefore);
            }
        }
    }
}
