package receivables.impl.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalPendingException;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.approval.OwnRequestException;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.audit.internal.CallerContext;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.event.internal.RecordedEvents;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.AtOnce;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Four eyes on every database we support: write-offs and credit notes above the tenant's threshold and raises of a
 * credit limit wait; a second person approves or rejects them once; the requester cannot approve; approving carries
 * the command out exactly once, or refuses when it no longer fits; all of it in the audit trail.
 */
abstract class ApprovalsContract {

    static final TenantId TENANT = new TenantId("four-eyes");
    static final TenantId OTHER = new TenantId("other");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final Actor ALICE = new Actor(Actor.Kind.USER, "alice");
    static final Actor BOB = new Actor(Actor.Kind.USER, "bob");
    static final Actor CAROL = new Actor(Actor.Kind.USER, "carol");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    abstract TestDatabase testDatabase();

    LedgerFixture ledger;
    StoredApprovals approvals;
    RecordedEvents events;
    StoredAuditTrail trail;
    CallerScope callers;

    @BeforeEach
    void wire() {
        TenantDirectory tenants = TestTenants.withApprovalThreshold(TENANT, "EUR", "1000.00");
        events = new RecordedEvents();
        callers = testDatabase.changes().callers();
        FourEyes fourEyes = FourEyesFixture.of(testDatabase.get(), tenants, callers, events.events());
        ledger = LedgerFixture.on(testDatabase.get(), tenants, fourEyes, events.events());
        approvals = new StoredApprovals(testDatabase.get(), fourEyes, List.of(ledger.writeOffs(), ledger.creditNotes(),
                ledger.customers()));
        trail = new StoredAuditTrail(testDatabase.get());
    }

    @Test
    void aWriteOffAboveTheThresholdWaitsUntilASecondPersonApprovesItAndTakesEffectOnce() {
        Invoice invoice = issued("SO-BIG", customer("Insolvent GmbH"), "1000.00", "19");

        ApprovalRequest waiting = pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "insolvent",
                ISSUED.plusDays(90)));

        assertThat(waiting.kind()).isEqualTo(ApprovalKind.WRITE_OFF);
        assertThat(waiting.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(waiting.amount()).isEqualTo(eur("1190.00"));
        assertThat(waiting.invoiceNumber()).isEqualTo(invoice.number());
        assertThat(waiting.requestedBy()).isEqualTo(ALICE);
        assertThat(waiting.reason()).isEqualTo("insolvent");
        assertThat(open(invoice)).isEqualTo(eur("1190.00"));
        assertThat(ledger.writeOffs().forInvoice(TENANT, invoice.id())).isEmpty();
        assertThat(approvals.list(TENANT, ApprovalStatus.PENDING, PageRequest.first()).items()).containsExactly(waiting);
        assertThat(pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "again", ISSUED.plusDays(91))))
                .as("asked again while it waits").isEqualTo(waiting);

        assertThatThrownBy(() -> approve(waiting.id(), ALICE, null))
                .isInstanceOf(OwnRequestException.class).hasMessageContaining("alice").hasMessageContaining("second");
        assertThat(approvals.find(TENANT, waiting.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);

        ApprovalRequest approved = approve(waiting.id(), BOB, "checked the insolvency notice");

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(BOB);
        assertThat(approved.decisionNote()).isEqualTo("checked the insolvency notice");
        assertThat(ledger.writeOffs().forInvoice(TENANT, invoice.id())).singleElement().satisfies(writeOff -> {
            assertThat(writeOff.id()).isEqualTo(approved.resultId());
            assertThat(writeOff.amount()).isEqualTo(eur("1190.00"));
            assertThat(writeOff.date()).isEqualTo(ISSUED.plusDays(90));
            assertThat(writeOff.reason()).isEqualTo("insolvent");
        });
        assertThat(ledger.invoices().find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThatThrownBy(() -> approve(waiting.id(), CAROL, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already approved");
        assertThat(ledger.writeOffs().forInvoice(TENANT, invoice.id())).hasSize(1);
        assertThat(approvals.list(TENANT, ApprovalStatus.PENDING, PageRequest.first()).items()).isEmpty();
        assertThat(events.topics()).containsSubsequence(EventTopics.APPROVAL_REQUESTED, EventTopics.WRITE_OFF_POSTED,
                EventTopics.APPROVAL_APPROVED);
        assertThat(events.posted().get(0).getProperty(EventTopics.AMOUNT)).isEqualTo("1190.00");

        List<AuditRecord> audited = trail.find(TENANT, new AuditQuery("approval-request", waiting.id().toString(), null,
                null, null), PageRequest.first()).items();
        assertThat(audited).extracting(AuditRecord::operation).containsExactly(AuditOperation.CREATED,
                AuditOperation.CHANGED);
        assertThat(audited).extracting(AuditRecord::actor).containsExactly(ALICE, BOB);
        assertThat(trail.verify(TENANT).intact()).isTrue();
    }

    @Test
    void whatIsNotAboveTheThresholdTakesEffectAtOnce() {
        Invoice atThreshold = issued("SO-1000", customer("Exactly Ltd"), "1000.00", "0");

        assertThat(ledger.writeOffs().writeOffBadDebt(TENANT, atThreshold.id(), "gone", ISSUED).amount())
                .isEqualTo(eur("1000.00"));
        Invoice large = issued("SO-LARGE", customer("Large SA"), "5000.00", "0");
        assertThat(ledger.creditNotes().issue(TENANT, large.id(), new CreditNoteRequest(eur("1000.00"), "rebate", ISSUED))
                .amount()).isEqualTo(eur("1000.00"));
        assertThat(approvals.list(TENANT, null, PageRequest.first()).totalItems()).isZero();
    }

    @Test
    void approvingAWriteOffWhoseInvoiceWasPaidMeanwhileIsRefusedAndLeavesTheRequestToBeRejected() {
        UUID customer = customer("Late Payer AG");
        Invoice invoice = issued("SO-PAID", customer, "1000.00", "19");
        ApprovalRequest waiting = pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "lost", ISSUED));
        ledger.payments().record(TENANT, new PaymentRequest("paid-after-all", customer, "BANK_TRANSFER", eur("1190.00"),
                ISSUED.plusDays(10), null, List.of()));

        assertThatThrownBy(() -> approve(waiting.id(), BOB, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining(invoice.number())
                .hasMessageContaining("nothing open");

        assertThat(approvals.find(TENANT, waiting.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(ledger.writeOffs().forInvoice(TENANT, invoice.id())).isEmpty();
        assertThat(ledger.invoices().find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        ApprovalRequest rejected = reject(waiting.id(), BOB, "paid after all");
        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(() -> approve(waiting.id(), CAROL, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already rejected");
        assertThat(events.topics()).contains(EventTopics.APPROVAL_REJECTED);
    }

    @Test
    void aPartPaymentMeanwhileMakesTheWriteOffNoLongerFit() {
        UUID customer = customer("Part Payer BV");
        Invoice invoice = issued("SO-PART", customer, "1000.00", "19");
        ApprovalRequest waiting = pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "lost", ISSUED));
        ledger.payments().record(TENANT, new PaymentRequest("part", customer, "BANK_TRANSFER", eur("90.00"),
                ISSUED.plusDays(10), null, List.of()));

        assertThatThrownBy(() -> approve(waiting.id(), BOB, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1100.00").hasMessageContaining("1190.00");
        assertThat(open(invoice)).isEqualTo(eur("1100.00"));
    }

    @Test
    void aCreditNoteWaitsUnderItsIdempotencyKeyAndIsIssuedOnceOnApproval() {
        Invoice invoice = issued("SO-CN", customer("Returns GmbH"), "2000.00", "19");
        CreditNoteRequest request = new CreditNoteRequest(eur("1500.00"), "most of it returned", ISSUED.plusDays(3));

        ApprovalRequest waiting = pending(() -> ledger.creditNotes().issue(TENANT, invoice.id(), request, "cn-1"));

        assertThat(waiting.kind()).isEqualTo(ApprovalKind.CREDIT_NOTE);
        assertThat(pending(() -> ledger.creditNotes().issue(TENANT, invoice.id(), request, "cn-1"))).isEqualTo(waiting);
        assertThatThrownBy(() -> ledger.creditNotes().issue(TENANT, invoice.id(), new CreditNoteRequest(eur("1600.00"),
                "other", ISSUED), "cn-1")).isInstanceOf(ConflictException.class).hasMessageContaining("cn-1");
        assertThat(ledger.creditNotes().forInvoice(TENANT, invoice.id())).isEmpty();

        ApprovalRequest approved = approve(waiting.id(), BOB, null);

        CreditNote note = ledger.creditNotes().issue(TENANT, invoice.id(), request, "cn-1");
        assertThat(note.id()).isEqualTo(approved.resultId());
        assertThat(note.amount()).isEqualTo(eur("1500.00"));
        assertThat(note.date()).isEqualTo(ISSUED.plusDays(3));
        assertThat(ledger.creditNotes().forInvoice(TENANT, invoice.id())).hasSize(1);
        assertThat(open(invoice)).isEqualTo(eur("880.00"));
    }

    @Test
    void aRejectedCreditNoteNeverTakesEffectAndItsKeyStaysRefused() {
        Invoice invoice = issued("SO-REJ", customer("Haggler SRL"), "2000.00", "19");
        CreditNoteRequest request = new CreditNoteRequest(null, "everything", ISSUED);
        ApprovalRequest waiting = pending(() -> ledger.creditNotes().issue(TENANT, invoice.id(), request, "cn-r"));
        assertThat(waiting.amount()).as("the whole open amount, fixed when asked").isEqualTo(eur("2380.00"));

        reject(waiting.id(), ALICE, "withdrawn");

        assertThatThrownBy(() -> ledger.creditNotes().issue(TENANT, invoice.id(), request, "cn-r"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("rejected");
        assertThat(ledger.creditNotes().forInvoice(TENANT, invoice.id())).isEmpty();
        assertThat(open(invoice)).isEqualTo(eur("2380.00"));
    }

    @Test
    void anAmountInAnotherCurrencyIsWeighedAtTheDaysRateInTheFunctionalCurrency() {
        ledger.rates().enter(TENANT, List.of(new ExchangeRate("USD", ISSUED, new BigDecimal("0.9"))));
        UUID customer = ledger.customers().create(TENANT, CustomerRequest.of(null, "Yankee Inc", null, null, "USD")).id();
        Invoice under = ledger.invoices().issue(TENANT, ledger.invoices().createFromOrder(TENANT, new SalesOrder("SO-USD-1",
                customer, "USD", ISSUED, null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE,
                        new BigDecimal("1111.11"), null, BigDecimal.ZERO)))).id(), ISSUED);
        Invoice over = ledger.invoices().issue(TENANT, ledger.invoices().createFromOrder(TENANT, new SalesOrder("SO-USD-2",
                customer, "USD", ISSUED, null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE,
                        new BigDecimal("1111.12"), null, BigDecimal.ZERO)))).id(), ISSUED);

        // 1111.11 USD × 0.9 = 999.999 EUR, 1000.00 once rounded; 1111.12 USD is 1000.008, 1000.01.
        assertThat(ledger.writeOffs().writeOffBadDebt(TENANT, under.id(), "gone", ISSUED).amount().currency())
                .isEqualTo("USD");
        assertThat(pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, over.id(), "gone", ISSUED)).amount())
                .isEqualTo(Money.of("1111.12", "USD"));
    }

    @Test
    void aRaiseOfACreditLimitWaitsWhileTheRestOfTheUpdateTakesEffect() {
        CustomerAccount account = ledger.customers().create(TENANT, withLimit("Limited Ltd", "5000.00"));

        ApprovalRequest waiting = pending(() -> ledger.customers().update(TENANT, account.id(),
                withLimit("Limited and Renamed Ltd", "8000.00"), account.version()));

        assertThat(waiting.kind()).isEqualTo(ApprovalKind.CREDIT_LIMIT_INCREASE);
        assertThat(waiting.previousLimit()).isEqualTo(eur("5000.00"));
        assertThat(waiting.amount()).isEqualTo(eur("8000.00"));
        CustomerAccount meanwhile = ledger.customers().find(TENANT, account.id()).orElseThrow();
        assertThat(meanwhile.name()).isEqualTo("Limited and Renamed Ltd");
        assertThat(meanwhile.creditLimit()).isEqualByComparingTo("5000.00");
        assertThatThrownBy(() -> ledger.customers().update(TENANT, account.id(), withLimit("Limited Ltd", "9000.00"), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining(waiting.id().toString());
        assertThat(ledger.customers().update(TENANT, account.id(), withLimit("Limited Ltd", "5000.00"), null).creditLimit())
                .as("no raise: takes effect").isEqualByComparingTo("5000.00");

        approve(waiting.id(), BOB, null);

        assertThat(ledger.customers().find(TENANT, account.id()).orElseThrow().creditLimit()).isEqualByComparingTo("8000.00");
        assertThat(trail.find(TENANT, new AuditQuery("customer", account.id().toString(), BOB.id(), null, null),
                PageRequest.first()).items()).singleElement().satisfies(record -> assertThat(record.changes())
                        .anySatisfy(change -> assertThat(change.field()).isEqualTo("creditLimit")));
    }

    @Test
    void aRaiseIsRefusedOnApprovalWhenTheLimitChangedMeanwhileAndTakingTheLimitAwayIsARaiseToo() {
        CustomerAccount account = ledger.customers().create(TENANT, withLimit("Shifting SA", "5000.00"));
        ApprovalRequest unlimited = pending(() -> ledger.customers().update(TENANT, account.id(),
                withLimit("Shifting SA", null), null));
        assertThat(unlimited.amount()).isNull();
        ledger.customers().update(TENANT, account.id(), withLimit("Shifting SA", "3000.00"), null);

        assertThatThrownBy(() -> approve(unlimited.id(), BOB, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("3000.00").hasMessageContaining("5000.00");
        assertThat(ledger.customers().find(TENANT, account.id()).orElseThrow().creditLimit()).isEqualByComparingTo("3000.00");
    }

    @Test
    void twoApproversAtOnceCarryTheCommandOutOnce() throws Exception {
        Invoice invoice = issued("SO-RACE", customer("Race Condition GmbH"), "1000.00", "19");
        ApprovalRequest waiting = pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "race", ISSUED));

        List<Object> outcomes = AtOnce.outcomes(List.of(() -> approve(waiting.id(), BOB, null),
                () -> approve(waiting.id(), CAROL, null)));

        assertThat(outcomes).filteredOn(ApprovalRequest.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        assertThat(ledger.writeOffs().forInvoice(TENANT, invoice.id())).hasSize(1);
    }

    @Test
    void anotherTenantNeitherSeesNorDecidesTheRequests() {
        Invoice invoice = issued("SO-TENANT", customer("Private Ltd"), "1000.00", "19");
        ApprovalRequest waiting = pending(() -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "x", ISSUED));

        assertThat(approvals.find(OTHER, waiting.id())).isEmpty();
        assertThat(approvals.list(OTHER, null, PageRequest.first()).totalItems()).isZero();
        assertThatThrownBy(() -> approvals.approve(OTHER, waiting.id(), BOB, null))
                .isInstanceOf(receivables.api.NotFoundException.class);
    }

    /** Approves as a request of {@code approver} would: the trail names them too. */
    ApprovalRequest approve(UUID id, Actor approver, String note) {
        return as(approver, () -> approvals.approve(TENANT, id, approver, note));
    }

    ApprovalRequest reject(UUID id, Actor decider, String note) {
        return as(decider, () -> approvals.reject(TENANT, id, decider, note));
    }

    <T> T as(Actor actor, Supplier<T> work) {
        callers.enter(new CallerContext(actor, "192.0.2.20", "req-" + actor.id()));
        try {
            return work.get();
        } finally {
            callers.leave();
        }
    }

    /** What {@code command}, asked by Alice, left waiting. */
    ApprovalRequest pending(Supplier<?> command) {
        callers.enter(new CallerContext(ALICE, "192.0.2.10", "req-alice"));
        try {
            Object done = command.get();
            throw new AssertionError("expected to wait for approval, but took effect: " + done);
        } catch (ApprovalPendingException waiting) {
            return waiting.request();
        } finally {
            callers.leave();
        }
    }

    UUID customer(String name) {
        return ledger.customers().create(TENANT, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    Invoice issued(String orderId, UUID customer, String net, String taxRate) {
        return ledger.invoices().issue(TENANT, ledger.invoices().createFromOrder(TENANT, new SalesOrder(orderId, customer,
                "EUR", ISSUED, null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null,
                        new BigDecimal(taxRate))))).id(), ISSUED);
    }

    Money open(Invoice invoice) {
        return ledger.invoices().find(TENANT, invoice.id()).orElseThrow().open();
    }

    static CustomerRequest withLimit(String name, String limit) {
        return new CustomerRequest(null, name, null, null, "EUR", null, null, null, null, null, null,
                limit == null ? null : new BigDecimal(limit), null, null, null);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
