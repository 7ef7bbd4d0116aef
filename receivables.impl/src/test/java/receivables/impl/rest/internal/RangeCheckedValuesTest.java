package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.PageRequest;
import receivables.impl.rest.internal.PaymentResource.PaymentBody;

class RangeCheckedValuesTest {

    private static final String PAYMENT = """
            {"customerId":"0b3e5f0c-5d1e-4b8e-9a57-6c1f6f2d3a10","currency":"EUR","amount":%s,"valueDate":%s,
             "payerReference":%s,"allocateTo":[{"invoiceId":"0b3e5f0c-5d1e-4b8e-9a57-6c1f6f2d3a11","amount":%s}]}""";

    private final ObjectMapper json = JsonBodies.mapper();

    @Test
    void amountsComeAsNumbersOrDecimalStringsAndKeepTheirDigits() throws Exception {
        PaymentBody read = json.readValue(payment("\"1000.00\"", "\"2026-01-31\"", "\"ref\"", "999999999999999.9999"),
                PaymentBody.class);

        assertThat(read.amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(read.allocateTo().get(0).amount()).isEqualTo(new BigDecimal("999999999999999.9999"));
        assertThat(read.valueDate()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void amountsBeyondWhatTheLedgerKeepsAreRefusedNamingTheField() {
        assertThat(refused(payment("1000000000000000", "null", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("amount");
        assertThat(refused(payment("1e999999999", "null", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("amount");
        assertThat(refused(payment("\"-1e999999999\"", "null", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("amount");
        assertThat(refused(payment("1e-999999999", "null", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("amount");
        assertThat(refused(payment("1", "null", "null", "\"1e15\""))).containsExactly(
                FieldViolation.of("allocateTo[0].amount", "must be less than 1000000000000000 in magnitude"));
        assertThat(refused(payment("\"NaN\"", "null", "null", "1"))).containsExactly(
                FieldViolation.of("amount", "must be a decimal number such as 1000.00"));
        assertThat(refused(payment("\"0x10\"", "null", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("amount");
    }

    @Test
    void aWholeNumberTooLargeForItsFieldIsRefusedNamingTheField() throws Exception {
        String installment = "{\"currency\":\"EUR\",\"amount\":1,\"allocateTo\":[{\"installment\":%s}]}";

        assertThat(refused(installment.formatted("99999999999"))).containsExactly(FieldViolation.of(
                "allocateTo[0].installment", "must be a whole number from -2147483648 to 2147483647"));
        assertThat(refused(installment.formatted("-99999999999999999999999"))).extracting(FieldViolation::field)
                .containsExactly("allocateTo[0].installment");
        assertThat(refused(installment.formatted("1.5"))).extracting(FieldViolation::field)
                .containsExactly("allocateTo[0].installment");
        assertThat(json.readValue(installment.formatted("2"), PaymentBody.class).allocateTo().get(0).installment())
                .isEqualTo(2);
        assertThat(json.readValue(installment.formatted("null"), PaymentBody.class).allocateTo().get(0).installment())
                .isNull();
    }

    @Test
    void textWithNulOrHalfASurrogatePairIsRefused() throws Exception {
        assertThat(refused(payment("1", "null", "\"a\\u0000b\"", "1"))).containsExactly(
                FieldViolation.of("payerReference", "must not contain the NUL character"));
        assertThat(refused(payment("1", "null", "\"a\\ud800b\"", "1"))).containsExactly(
                FieldViolation.of("payerReference", "must not contain an unpaired UTF-16 surrogate"));
        assertThat(refused(payment("1", "null", "\"\\udc00\"", "1"))).extracting(FieldViolation::field)
                .containsExactly("payerReference");
        assertThat(json.readValue(payment("1", "null", "\"\\ud83d\\udcb6 ok\"", "1"), PaymentBody.class).payerReference())
                .isEqualTo("\uD83D\uDCB6 ok");
    }

    @Test
    void daysOutsideYears1To9999AreRefused() {
        assertThat(refused(payment("1", "\"+10000-01-01\"", "null", "1"))).containsExactly(
                FieldViolation.of("valueDate", "must be a day from 0001-01-01 to 9999-12-31"));
        assertThat(refused(payment("1", "\"0000-12-31\"", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("valueDate");
        assertThat(refused(payment("1", "\"-0001-01-01\"", "null", "1"))).extracting(FieldViolation::field)
                .containsExactly("valueDate");
    }

    @Test
    void queryParametersPassTheSameRanges() {
        assertThatThrownBy(() -> QueryParameters.date("asOf", "+10000-01-01")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("asOf must be a day from 0001-01-01 to 9999-12-31");
        assertThatThrownBy(() -> QueryParameters.money("amount", "1e999999999", "EUR"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("amount ");
        assertThatThrownBy(() -> QueryParameters.money("amount", "1e-999999999", "EUR"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("amount ");
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 50)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("page must be at most 42949672 with pages of 50");
        assertThat(new PageRequest(42949672, 50).offset()).isEqualTo(2147483600);
    }

    private static String payment(String amount, String valueDate, String payerReference, String allocated) {
        return PAYMENT.formatted(amount, valueDate, payerReference, allocated);
    }

    private java.util.List<FieldViolation> refused(String body) {
        try {
            json.readValue(body, PaymentBody.class);
        } catch (Exception e) {
            Problem problem = ProblemResponses.problem(e);
            assertThat(problem.status()).isEqualTo(400);
            return problem.errors();
        }
        throw new AssertionError("expected " + body + " to be refused");
    }
}
