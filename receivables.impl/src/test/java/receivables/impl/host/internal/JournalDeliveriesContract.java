package receivables.impl.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.host.JournalSink;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.OnLedger;
import receivables.impl.ledger.internal.JournalFeed;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Journal entries reach the host's sinks on every database we support: all of them, in posting order, per
 * tenant, again after a failure, and never again once taken.
 */
abstract class JournalDeliveriesContract extends OnLedger {

    static final TenantId TENANT = new TenantId("ledger-export");
    static final TenantId OTHER = new TenantId("other");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    final RecordingSink sink = new RecordingSink("gl");
    JournalDeliveries deliveries;

    @BeforeEach
    void wireDeliveries() {
        deliveries = new JournalDeliveries();
        deliveries.database = database;
        deliveries.feed = new JournalFeed(journal);
        deliveries.tenants = TestTenants.withFeatures(TENANT);
        deliveries.sinks = List.of(sink);
        deliveries.config = configuration(2);
    }

    @Test
    void everyEntryReachesTheSinkOnceInPostingOrderAndOnlyItsTenants() {
        Invoice invoice = issue(TENANT, "SO-GL-1", "100.00");
        UUID customer = invoice.customerId();
        payments.record(TENANT, new PaymentRequest("gl-pay", customer, "BANK_TRANSFER", Money.of("119.00", "EUR"),
                ISSUED.plusDays(3), null, List.of()));
        issue(TENANT, "SO-GL-2", "10.00");
        issue(OTHER, "SO-GL-OTHER", "10.00");

        assertThat(deliveries.deliver(TENANT, sink)).isEqualTo(3);

        assertThat(sink.received).extracting(JournalEntry::kind)
                .containsExactly(JournalEntryKind.INVOICE_ISSUED, JournalEntryKind.PAYMENT_RECEIVED,
                        JournalEntryKind.INVOICE_ISSUED);
        assertThat(sink.batches).as("batches of 2").containsExactly(2, 1);
        assertThat(sink.received).extracting(JournalEntry::reference).doesNotContain("SO-GL-OTHER")
                .contains(invoice.number());
        assertThat(deliveries.deliver(TENANT, sink)).isZero();
        issue(TENANT, "SO-GL-3", "1.00");
        assertThat(deliveries.deliver(TENANT, sink)).isEqualTo(1);
        assertThat(sink.received).hasSize(4);
    }

    @Test
    void theDatabaseKeepsEachKindByItsConstantNameSoRowsWrittenBeforeTheEnumStayReadable() {
        Invoice invoice = issue(TENANT, "SO-GL-KIND", "100.00");

        Object stored = database.inTransaction(TENANT, session -> session
                .createNativeQuery("select kind from journal_entry where reference = :reference", Object.class)
                .setParameter("reference", invoice.number()).getSingleResult());

        assertThat(stored).isEqualTo(JournalEntryKind.INVOICE_ISSUED.name());
    }

    @Test
    void aBatchTheSinkRefusedComesAgainAfterAPauseAndAnotherSinkStartsFromTheFirstEntry() {
        issue(TENANT, "SO-GL-FAIL", "100.00");
        sink.failNext = true;

        assertThat(deliveries.deliver(TENANT, sink)).isZero();
        assertThat(sink.received).isEmpty();
        assertThat(deliveries.deliver(TENANT, sink)).as("still pausing").isZero();
        deliveries.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        assertThat(deliveries.deliver(TENANT, sink)).isEqualTo(1);

        RecordingSink late = new RecordingSink("late-comer");
        assertThat(deliveries.deliver(TENANT, late)).isEqualTo(1);
        assertThat(late.received).extracting(JournalEntry::id).isEqualTo(sink.received.stream().map(JournalEntry::id).toList());
    }

    private Invoice issue(TenantId tenant, String orderId, String net) {
        UUID customer = customers.create(tenant, CustomerRequest.of(null, "Customer " + orderId, null, null, "EUR")).id();
        SalesOrder order = new SalesOrder(orderId, customer, "EUR", ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
        return invoices.issue(tenant, invoices.createFromOrder(tenant, order).id(), ISSUED);
    }

    static JournalDeliveryConfiguration configuration(int batchSize) {
        return new JournalDeliveryConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JournalDeliveryConfiguration.class;
            }

            @Override
            public int intervalSeconds() {
                return 5;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public int lookBackMinutes() {
                return 10;
            }
        };
    }

    /** A ledger that keeps what it is given, and refuses one batch when told to. */
    static final class RecordingSink implements JournalSink {

        final String id;
        final List<JournalEntry> received = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        boolean failNext;

        RecordingSink(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void accept(TenantId tenant, List<JournalEntry> entries) throws Exception {
            if (failNext) {
                failNext = false;
                throw new Exception("ledger offline");
            }
            batches.add(entries.size());
            received.addAll(entries);
        }
    }
}
