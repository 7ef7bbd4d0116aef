package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.credit.CreditNote;
import receivables.api.credit.WriteOff;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.rest.internal.InvoiceCreditResource.CreditNoteBody;
import receivables.impl.rest.internal.InvoiceCreditResource.WriteOffBody;

/**
 * The credit note and write-off resource on H2: amounts in the invoice's implied currency, dates defaulting to
 * today, Location of what was created, and ids that do not belong together.
 */
class InvoiceCreditResourceTest extends OnLedger {

    static final TenantId TENANT = new TenantId("rest");
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    private final ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { ContainerRequestContext.class },
            (proxy, method, args) -> method.getName().equals("getProperty")
                    && TenantFilter.TENANT_PROPERTY.equals(args[0]) ? TENANT : null);
    private InvoiceCreditResource resource;
    private Invoice invoice;

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }

    @BeforeEach
    void wireTheResource() {
        resource = new InvoiceCreditResource();
        resource.invoices = invoices;
        resource.creditNotes = creditNotes;
        resource.writeOffs = writeOffs;
        resource.clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        UUID customer = customers.create(TENANT, CustomerRequest.of(null, "Rest GmbH", null, null, "EUR")).id();
        invoice = invoices.issue(TENANT, invoices.createFromOrder(TENANT, new SalesOrder("SO-REST", customer, "EUR",
                TODAY.minusDays(10), null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"),
                        null, new BigDecimal("19"))))).id(), TODAY.minusDays(9));
    }

    @Test
    void aCreditNoteIsCreatedInTheInvoicesCurrencyDatedTodayAndReadBackUnderItsInvoice() throws Exception {
        Response created = resource.issueCreditNote(request, invoice.id().toString(), "cn-1",
                new CreditNoteBody(new BigDecimal("19.5"), "damaged in transit", null));

        CreditNote note = (CreditNote) created.getEntity();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation()).hasToString("invoices/" + invoice.id() + "/credit-notes/" + note.id());
        assertThat(note.amount()).isEqualTo(Money.of("19.50", "EUR"));
        assertThat(note.date()).isEqualTo(TODAY);
        assertThat(resource.creditNotes(request, invoice.id().toString())).containsExactly(note);
        assertThat(resource.creditNote(request, invoice.id().toString(), note.id().toString())).isEqualTo(note);
        JsonNode json = JsonBodies.mapper().valueToTree(note);
        assertThat(json.at("/amount/amount").decimalValue()).isEqualByComparingTo("19.50");
        assertThat(json.at("/amount/currency").asText()).isEqualTo("EUR");
        assertThat(json.at("/installments/0/installment").asInt()).isEqualTo(1);
    }

    @Test
    void anAmountWithMoreDecimalsThanTheInvoicesCurrencyOrForNoInvoiceIsRefused() {
        assertThatThrownBy(() -> resource.issueCreditNote(request, invoice.id().toString(), null,
                new CreditNoteBody(new BigDecimal("10.005"), "too precise", null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(FieldViolation.of("amount", "has more decimals than EUR allows (2)")));
        assertThatThrownBy(() -> resource.issueCreditNote(request, UUID.randomUUID().toString(), null,
                new CreditNoteBody(BigDecimal.ONE, "nobody's", null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.issueCreditNote(request, invoice.id().toString(), null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(resource.creditNotes(request, invoice.id().toString())).isEmpty();
    }

    @Test
    void aBadDebtWriteOffIsCreatedAndOnlyFoundUnderItsOwnInvoice() {
        Response created = resource.writeOffBadDebt(request, invoice.id().toString(), new WriteOffBody("gone", null));

        WriteOff writeOff = (WriteOff) created.getEntity();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation()).hasToString("invoices/" + invoice.id() + "/write-offs/" + writeOff.id());
        assertThat(writeOff.amount()).isEqualTo(Money.of("119.00", "EUR"));
        assertThat(writeOff.date()).isEqualTo(TODAY);
        assertThat(resource.writeOffs(request, invoice.id().toString())).containsExactly(writeOff);
        assertThatThrownBy(() -> resource.writeOff(request, UUID.randomUUID().toString(), writeOff.id().toString()))
                .isInstanceOf(NotFoundException.class);
    }
}
