package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;

/**
 * Whatever a client puts into the query of {@code GET /payments} and {@code GET /invoices}: a page with totals, or a
 * 400 that names parameters it was given and nothing else; never another failure.
 */
class PaymentListParametersPropertiesTest extends HostileParameters {

    private PaymentResource payments;
    private InvoiceResource invoices;

    @Override
    void wire(HibernateDatabase database, LedgerFixture ledger) {
        payments = new PaymentResource();
        payments.payments = ledger.payments();
        invoices = new InvoiceResource();
        invoices.invoices = ledger.invoices();
    }

    /** Values that are right, nearly right, or hostile: NUL, surrogates, huge numbers, SQL, dates beyond range. */
    @Provide
    Arbitrary<String> parameter() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "EUR", "eur", "EURO", "XXX", "CARD", "card", "BANK_TRANSFER",
                        "UNALLOCATED", "partly_allocated", "REVERSED", "2026-03-01", "2026-02-30", "+999999999-12-31",
                        "0", "1", "-1", "20", "500", "501", "2147483647", "99999999999", "1e3", "0x10",
                        "0b3e5f0c-5d1e-4b8e-9a57-6c1f6f2d3a10", "0b3e5f0c", "' or 1=1 --", "a\u0000b", "\ud800"),
                Arbitraries.strings().ofMaxLength(40)).injectNull(0.3);
    }

    @Property(tries = 300)
    void paymentsAnswerAPageOrAProblemNamingAParameterGiven(@ForAll("parameter") String customerId,
            @ForAll("parameter") String method, @ForAll("parameter") String currency, @ForAll("parameter") String valueFrom,
            @ForAll("parameter") String valueTo, @ForAll("parameter") String state, @ForAll("parameter") String page,
            @ForAll("parameter") String size) {
        Throwable failure = catchThrowable(() -> assertThat(payments.list(request, customerId, method, currency, valueFrom,
                valueTo, state, page, size).totals()).isEmpty());

        assertOnlyNamed(failure, Set.of("customerId", "method", "currency", "valueFrom", "valueTo", "state", "page",
                "size"));
    }

    @Property(tries = 300)
    void invoicesAnswerAPageOrAProblemNamingAParameterGiven(@ForAll("parameter") String status,
            @ForAll("parameter") String customerId, @ForAll("parameter") String overdueOn,
            @ForAll("parameter") String dueBefore, @ForAll("parameter") String currency, @ForAll("parameter") String page,
            @ForAll("parameter") String size) {
        Throwable failure = catchThrowable(() -> assertThat(invoices.list(request, status, customerId, overdueOn, dueBefore,
                currency, null, page, size).totals()).isEmpty());

        assertOnlyNamed(failure, Set.of("status", "customerId", "overdueOn", "dueBefore", "currency", "page", "size"));
    }
}
