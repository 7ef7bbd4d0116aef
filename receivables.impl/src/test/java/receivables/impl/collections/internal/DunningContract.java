package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.persistence.Tuple;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeAttachment;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;
import receivables.api.collections.ActivityKind;
import receivables.api.collections.ActivityOutcome;
import receivables.api.collections.ActivityRequest;
import receivables.api.collections.CollectionActivity;
import receivables.api.collections.CollectionStage;
import receivables.api.collections.CollectionTask;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningPolicyRequest;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRunStatus;
import receivables.api.collections.Dispute;
import receivables.api.collections.DunningSchedule;
import receivables.api.collections.Letter;
import receivables.api.collections.NoticeItem;
import receivables.api.collections.PromiseStatus;
import receivables.api.collections.PromiseToPay;
import receivables.api.collections.TimelineEntry;
import receivables.api.collections.WorklistEntry;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.AgingRow;
import receivables.api.report.OpenItem;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.event.internal.RecordedEvents;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.provider.internal.TestProviders;
import receivables.impl.report.internal.SqlCustomerStatements;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;
import receivables.notices.mail.internal.SmtpNoticeChannel;
import receivables.notices.mail.testing.ScriptedSmtpServer;
import receivables.notices.sms.emulator.SmsGatewayEmulator;
import receivables.notices.sms.internal.GatewaySmsChannel;

/**
 * Dunning on every database we support: policies stored and refused, and a month of daily runs walked day by day
 * (levels, reminders, fees, interest, disputes, promises, credit hold, escalation, one notice per customer and day,
 * nothing done twice), runs on two nodes at once, the schedule in the tenant's time zone and delivery through a
 * channel.
 */
abstract class DunningContract extends OnLedger {

    static final TenantId TENANT = new TenantId("dunning");
    static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    /** Reads its font once for all tests. */
    static final NoticeDocuments DOCUMENTS = new NoticeDocuments();
    static final String SMTP_PASSWORD = "smtp-Secret-4-dunning";
    static final String SMS_TOKEN = "sms-Token-4-dunning";

    private final List<Leases> nodes = new ArrayList<>();
    private TenantDirectory tenants;
    private StoredDunningPolicies policies;
    private StoredCollectionWork work;
    private SteppedClock clock;
    private BackgroundDunningRuns runs;
    private RecordingChannel mail;
    private final RecordedEvents announced = new RecordedEvents();

    @BeforeEach
    void wireCollections() {
        tenants = TestTenants.withFeatures(TENANT);
        clock = new SteppedClock(Instant.parse("2026-03-01T00:00:00Z"));
        policies = new StoredDunningPolicies(database, terms);
        work = new StoredCollectionWork(database, clock);
        runs = node("node-a", 3);
        mail = new RecordingChannel();
        runs.addChannel(mail, Map.of(NoticeChannel.ID, "email"));
        runs.events = announced.events();
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Leases leases : nodes) {
            leases.deactivate();
        }
    }

    private BackgroundDunningRuns node(String name, int deliveryAttempts) {
        Leases leases = TestLeases.running(database, name);
        nodes.add(leases);
        return new BackgroundDunningRuns(database, policies, invoices, customers, leases, tenants,
                new StoredNoticeTemplates(database), DOCUMENTS, clock, deliveryAttempts, 0);
    }

    @Test
    void policiesAreStoredReplacedResolvedAndRemoved() {
        DunningPolicy standard = policies.define(TENANT, "STD", standard(null));
        DunningPolicy retail = policies.define(TENANT, "RETAIL", new DunningPolicyRequest("Retail", List.of(
                new DunningLevel(10, new BigDecimal("2.50"), false, null)), 3, null, null, "DUE", "zh-CN", null,
                List.of("RETAIL"), false));
        UUID plain = customers.create(TENANT, CustomerRequest.of(null, "Plain", null, null, "EUR")).id();
        UUID shop = customers.create(TENANT, new CustomerRequest(null, "Shop", null, null, "EUR", null, null, null, null,
                "RETAIL", null, null, null, null, null)).id();

        assertThat(standard.levels()).extracting(DunningLevel::days).containsExactly(-3, 7, 21, 35);
        assertThat(standard.tenantDefault()).isTrue();
        assertThat(retail.language()).isEqualTo("zh-CN");
        assertThat(policies.list(TENANT)).extracting(DunningPolicy::code).containsExactly("RETAIL", "STD");
        assertThat(policies.policyFor(TENANT, plain)).map(DunningPolicy::code).contains("STD");
        assertThat(policies.policyFor(TENANT, shop)).map(DunningPolicy::code).contains("RETAIL");
        policies.assign(TENANT, shop, "STD");
        assertThat(policies.policyFor(TENANT, shop)).map(DunningPolicy::code).contains("STD");
        policies.assign(TENANT, shop, null);
        assertThat(policies.policyFor(TENANT, shop)).map(DunningPolicy::code).contains("RETAIL");

        DunningPolicy replaced = policies.define(TENANT, "RETAIL", new DunningPolicyRequest("Retail 2", List.of(
                new DunningLevel(5, null, false, null), new DunningLevel(15, BigDecimal.ONE, true, CollectionStage.LEGAL)),
                null, null, null, null, null, null, List.of("RETAIL", "WEB"), true));
        assertThat(replaced.levels()).hasSize(2);
        assertThat(replaced.version()).isGreaterThan(retail.version());
        assertThat(policies.find(TENANT, "STD").orElseThrow().tenantDefault()).isFalse();
        assertThat(policies.policyFor(TENANT, plain)).map(DunningPolicy::code).contains("RETAIL");
        assertThat(policies.find(new TenantId("other"), "RETAIL")).isEmpty();

        assertRefused(() -> policies.define(TENANT, "STD", new DunningPolicyRequest("Std", List.of(
                new DunningLevel(5, null, false, null)), null, null, null, null, null, null, List.of("WEB"), null)),
                "segments[0]");
        assertRefused(() -> policies.define(TENANT, "X", new DunningPolicyRequest("X", List.of(
                new DunningLevel(5, null, false, null)), null, null, null, "NOPE", null, null, null, null)),
                "chargeTermsCode");
        assertRefused(() -> policies.assign(TENANT, plain, "NOPE"), "policyCode");
        assertThatThrownBy(() -> policies.assign(TENANT, UUID.randomUUID(), "STD")).isInstanceOf(NotFoundException.class);

        policies.remove(TENANT, "RETAIL");
        assertThat(policies.policyFor(TENANT, shop)).isEmpty();
        assertThatThrownBy(() -> policies.remove(TENANT, "RETAIL")).isInstanceOf(NotFoundException.class);
    }

    /**
     * March 1 to May 5, a run every day (each asked for twice): customer A owes two invoices and pays the first on
     * April 10; B's invoice is disputed until April 1; C promised to pay by March 31 and did not.
     */
    @Test
    void aMonthOfDailyRunsDunsEachCustomerOncePerNoticeAtItsLevelsWithFeesAndInterestCharged() {
        policies.define(TENANT, "STD", standard("en"));
        UUID a = customer("Alpha GmbH", "alpha@example.com");
        UUID b = customer("Beta AG", "beta@example.com");
        UUID c = customer("Gamma SA", "gamma@example.com");
        Invoice a1 = issue("A-1", a, MARCH_2);
        Invoice a2 = issue("A-2", a, MARCH_2.plusDays(7));
        Invoice b1 = issue("B-1", b, MARCH_2);
        issue("C-1", c, MARCH_2);
        work.openDispute(TENANT, b1.id(), "goods damaged");

        for (LocalDate day = LocalDate.of(2026, 3, 1); !day.isAfter(LocalDate.of(2026, 5, 5)); day = day.plusDays(1)) {
            if (day.equals(LocalDate.of(2026, 3, 20))) {
                work.promise(TENANT, c, new BigDecimal("119.00"), LocalDate.of(2026, 3, 31), "will pay end of month");
            }
            if (day.equals(LocalDate.of(2026, 4, 1))) {
                work.resolveDispute(TENANT, b1.id(), "damage not confirmed");
            }
            clock.set(day.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC));
            DunningRun run = runs.run(TENANT, day);
            assertThat(run.status()).isEqualTo(DunningRunStatus.COMPLETED);
            int journalled = journalEntries();
            assertThat(runs.run(TENANT, day)).isEqualTo(run);
            assertThat(journalEntries()).as("the same day again changes nothing").isEqualTo(journalled);
            if (day.equals(LocalDate.of(2026, 4, 10))) {
                payments.record(TENANT, new PaymentRequest("A-pays-1", a, "BANK_TRANSFER", eur("119.00"), day, null,
                        List.of()));
            }
        }

        List<DunningNotice> toA = oldestFirst(runs.notices(TENANT, a));
        assertThat(toA.subList(0, 5)).extracting(DunningNotice::runDate, DunningNotice::level, n -> n.fee().amount())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(day(3, 13), 1, new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple(day(3, 20), 1, new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple(day(3, 25), 2, new BigDecimal("5.00")),
                        org.assertj.core.groups.Tuple.tuple(day(3, 30), 2, new BigDecimal("5.00")),
                        org.assertj.core.groups.Tuple.tuple(day(4, 6), 3, new BigDecimal("10.00")));
        // One notice covers every overdue item at its level, not one per installment.
        assertThat(toA.get(3).items()).extracting(NoticeItem::invoiceNumber, NoticeItem::level)
                .contains(org.assertj.core.groups.Tuple.tuple(a1.number(), 2), org.assertj.core.groups.Tuple.tuple(a2.number(), 2));
        assertThat(toA.get(2).interest()).isEqualTo(eur("0.29"));
        assertThat(toA).extracting(DunningNotice::level).contains(4);

        List<DunningNotice> all = new ArrayList<>(toA);
        List<DunningNotice> toB = oldestFirst(runs.notices(TENANT, b));
        List<DunningNotice> toC = oldestFirst(runs.notices(TENANT, c));
        all.addAll(toB);
        all.addAll(toC);
        assertThat(toB.get(0).runDate()).as("nothing while disputed").isEqualTo(day(4, 1));
        assertThat(toB.get(0).level()).isEqualTo(2);
        assertThat(toC).extracting(DunningNotice::runDate).as("reminded, then quiet until the promise broke")
                .startsWith(day(3, 13), day(4, 1));
        assertThat(work.promises(TENANT, c)).extracting(p -> p.status()).containsExactly(PromiseStatus.BROKEN);
        assertThat(announced.posted()).as("the broken promise announced once").singleElement().satisfies(event -> {
            assertThat(event.getTopic()).isEqualTo(EventTopics.PROMISE_BROKEN);
            assertThat(event.getProperty(EventTopics.CUSTOMER_ID)).isEqualTo(c.toString());
            assertThat(event.getProperty(EventTopics.AMOUNT)).isEqualTo("119.00");
            assertThat(event.getProperty(EventTopics.PROMISED_FOR)).isEqualTo("2026-03-31");
        });

        for (DunningNotice notice : all) {
            assertThat(notice.items()).as("never a notice on a due date").noneMatch(item -> item.daysPastDue() == 0);
            assertThat(notice.delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        }
        for (List<DunningNotice> notices : List.of(toA, toB, toC)) {
            Set<LocalDate> days = new HashSet<>();
            for (int i = 0; i < notices.size(); i++) {
                assertThat(days.add(notices.get(i).runDate())).as("one notice per customer and day").isTrue();
                if (i > 0) {
                    assertThat(notices.get(i).runDate()).isAfterOrEqualTo(notices.get(i - 1).runDate().plusDays(5));
                }
            }
        }
        assertThat(mail.sent).hasSize(all.size());
        assertThat(mail.sent).filteredOn(m -> m.address().equals("alpha@example.com")).hasSize(toA.size());

        // Credit hold at level 3, an agency task at level 4 (once), a task for the broken promise.
        assertThat(customers.find(TENANT, a).orElseThrow().creditHold()).isTrue();
        List<CollectionTask> tasks = work.openTasks(TENANT);
        assertThat(tasks).filteredOn(t -> t.customerId().equals(a)).extracting(CollectionTask::stage)
                .containsExactly(CollectionStage.AGENCY);
        assertThat(tasks).filteredOn(t -> t.customerId().equals(c) && t.stage() == null).hasSize(1);

        // Fees: one per level reached by each item, journalled to fee income, and open, aged and on the statement.
        List<Invoice> feesOfA = charges(a, "DUNNING_FEE");
        assertThat(feesOfA).extracting(i -> i.gross().amount()).containsExactlyInAnyOrder(new BigDecimal("5.00"),
                new BigDecimal("5.00"), new BigDecimal("10.00"), new BigDecimal("10.00"));
        JournalEntry feeEntry = journal.entriesFor(TENANT, feesOfA.get(0).number()).get(0);
        assertThat(feeEntry.kind()).isEqualTo(JournalEntryKind.DUNNING_FEE_CHARGED);
        assertThat(feeEntry.lines()).extracting(l -> l.account()).containsExactly(Account.RECEIVABLE, Account.FEE_INCOME);
        List<OpenItem> openOfA = new SqlCustomerStatements(database).openItems(TENANT, a, day(5, 5));
        assertThat(openOfA).extracting(OpenItem::invoiceNumber).contains(feesOfA.get(0).number(), a2.number())
                .doesNotContain(a1.number());
        Money openInAll = openOfA.stream().map(OpenItem::open).reduce(eur("0.00"), Money::plus);
        AgingRow aged = aging.report(TENANT, day(5, 5), List.of(30, 60, 90)).rows().stream()
                .filter(row -> row.customerId().equals(a)).findFirst().orElseThrow();
        assertThat(aged.total()).isEqualTo(openInAll);
        assertThat(new SqlCustomerStatements(database).statement(TENANT, a, "EUR", day(3, 1), day(5, 5))
                .closingBalance()).isEqualTo(openInAll);

        // Interest, never lost: what was charged plus what is still accrued is exactly 10 % a year on each overdue
        // principal for each day it was overdue (A-1 from March 16 to its payment on April 10, A-2 to May 5).
        BigDecimal charged = charges(a, "INTEREST").stream().map(i -> i.gross().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal stillAccrued = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select coalesce(sum(accrued_interest), 0) from dunning_installment where tenant_id = :tenant"
                        + " and customer_id = :customer", BigDecimal.class).setParameter("tenant", TENANT.value())
                .setParameter("customer", a).getSingleResult());
        BigDecimal exact = new BigDecimal("119.00").multiply(new BigDecimal("0.10"))
                .multiply(BigDecimal.valueOf(25 + 43)).divide(new BigDecimal("365"), 10, java.math.RoundingMode.HALF_UP);
        assertThat(charged.add(stillAccrued)).isCloseTo(exact, org.assertj.core.data.Offset.offset(new BigDecimal("0.0000001")));
        assertThat(charges(a, "INTEREST").stream().filter(i -> i.orderId().startsWith("DUN-P-")).toList())
                .as("the interest of A-1 charged once it was paid").hasSize(1);

        // A fee is paid like an invoice.
        Invoice fee = feesOfA.get(0);
        payments.record(TENANT, new PaymentRequest("A-pays-fee", a, "BANK_TRANSFER", fee.open(), day(5, 5), null,
                List.of(new AllocationTarget(fee.id(), null, null))));
        assertThat(invoices.find(TENANT, fee.id()).orElseThrow()).satisfies(paid -> {
            assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(paid.open().amount()).isZero();
        });
    }

    @Test
    void aDayToComeIsNotRun() {
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));
        assertRefused(() -> runs.run(TENANT, day(3, 27)), "date");
        assertThat(runs.run(TENANT, day(3, 26)).status()).isEqualTo(DunningRunStatus.COMPLETED);
    }

    @Test
    void twoNodesRunningTheSameDayDunEachCustomerOnce() throws Exception {
        policies.define(TENANT, "STD", standard("en"));
        for (int i = 0; i < 6; i++) {
            issue("N-" + i, customer("Node " + i, "n" + i + "@example.com"), MARCH_2);
        }
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));
        BackgroundDunningRuns other = node("node-b", 3);
        other.addChannel(mail, Map.of(NoticeChannel.ID, "email"));
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = both.invokeAll(List.<Callable<Object>>of(() -> attempt(runs), () -> attempt(other)));
            for (Future<Object> outcome : outcomes) {
                assertThat(outcome.get()).satisfiesAnyOf(
                        result -> assertThat(result).isInstanceOf(DunningRun.class),
                        result -> assertThat(result).isInstanceOf(ConflictException.class));
            }
        } finally {
            both.shutdownNow();
        }
        DunningRun done = runs.run(TENANT, day(3, 25));
        assertThat(done.status()).isEqualTo(DunningRunStatus.COMPLETED);
        assertThat(done.notices()).isEqualTo(6);
        assertThat(mail.sent).hasSize(6);
        assertThat(charges(null, "DUNNING_FEE")).hasSize(6);
    }

    @Test
    void theScheduleStartsTheRunAtItsTimeInTheTenantsZone() {
        tenants = TestTenants.withTimeZone(TENANT, "Asia/Shanghai");
        runs = node("node-shanghai", 3);
        runs.addChannel(mail, Map.of(NoticeChannel.ID, "email"));
        policies.define(TENANT, "STD", standard("zh-CN"));
        issue("S-1", customer("上海贸易有限公司", "shanghai@example.com"), MARCH_2);
        assertThat(runs.schedule(TENANT, new DunningSchedule(true, LocalTime.of(6, 0, 59))))
                .isEqualTo(new DunningSchedule(true, LocalTime.of(6, 0)));
        assertThat(runs.schedule(TENANT)).isEqualTo(new DunningSchedule(true, LocalTime.of(6, 0)));

        clock.set(Instant.parse("2026-03-12T21:59:00Z"));
        runs.sweep();
        assertThat(runs.find(TENANT, day(3, 13))).isEmpty();
        assertThat(runs.find(TENANT, day(3, 12))).isEmpty();
        clock.set(Instant.parse("2026-03-12T22:00:00Z"));
        runs.sweep();
        runs.sweep();
        assertThat(runs.find(TENANT, day(3, 13))).map(DunningRun::status).contains(DunningRunStatus.COMPLETED);
        assertThat(mail.sent).hasSize(1);
        assertThat(mail.sent.get(0).subject()).isEqualTo("付款提醒");
        assertThat(mail.sent.get(0).body()).contains("上海贸易有限公司").contains("即将到期");

        runs.schedule(TENANT, new DunningSchedule(false, LocalTime.of(6, 0)));
        clock.set(Instant.parse("2026-03-13T23:00:00Z"));
        runs.sweep();
        assertThat(runs.find(TENANT, day(3, 14))).isEmpty();
    }

    @Test
    void aRefusedRecipientFailsForGoodAPassingFailureIsRetriedAndThenFlagged() {
        policies.define(TENANT, "STD", standard("en"));
        UUID refused = customer("Refused", "nobody@example.com");
        UUID flaky = customer("Flaky", "flaky@example.com");
        UUID silent = customer("No Mail", null);
        issue("R-1", refused, MARCH_2);
        issue("F-1", flaky, MARCH_2);
        issue("M-1", silent, MARCH_2);
        clock.set(Instant.parse("2026-03-16T06:00:00Z"));
        mail.answer(message -> message.address().startsWith("nobody")
                ? NoticeDelivery.refused("550 5.1.1 no such user") : NoticeDelivery.failedForNow("421 try later"));

        runs.run(TENANT, day(3, 13));
        assertThat(only(refused).delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(only(refused).deliveryDetail()).contains("550");
        assertThat(only(flaky).delivery()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(only(silent).delivery()).isEqualTo(DeliveryStatus.UNREACHABLE);

        runs.run(TENANT, day(3, 14));
        assertThat(only(flaky).attempts()).isEqualTo(2);
        runs.run(TENANT, day(3, 15));
        assertThat(only(flaky).delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(only(flaky).deliveryDetail()).contains("gave up after 3 attempts");
        runs.run(TENANT, day(3, 16));
        assertThat(only(flaky).attempts()).isEqualTo(3);
    }

    /** The core hands each channel the address kind it declares, and never calls it for a customer without one. */
    @Test
    void eachChannelIsHandedTheCustomersAddressOfTheKindItDeclares() {
        RecordingChannel phones = new RecordingChannel(AddressKind.PHONE);
        RecordingChannel letters = new RecordingChannel(AddressKind.POSTAL);
        runs.addChannel(phones, Map.of(NoticeChannel.ID, "sms"));
        runs.addChannel(letters, Map.of(NoticeChannel.ID, "letter"));
        policies.define(TENANT, "SMS", byChannel("sms", "SMS", "en"));
        policies.define(TENANT, "POST", byChannel("letter", "POST", "en"));
        UUID texted = customers.create(TENANT, new CustomerRequest(null, "Texted Ltd", null, "t@example.com", "EUR",
                null, "+8613800138000", null, null, "SMS", null, null, null, null)).id();
        UUID posted = customers.create(TENANT, new CustomerRequest(null, "Posted GmbH", null, "p@example.com", "EUR",
                null, "+49301234567", new BillingAddress("Hauptstr. 1", " ", "10115", "Berlin", null, "DE"), null,
                "POST", null, null, null, null)).id();
        UUID homeless = customers.create(TENANT, new CustomerRequest(null, "No Address AG", null, "h@example.com",
                "EUR", null, null, null, null, "POST", null, null, null, null)).id();
        issue("T-1", texted, MARCH_2);
        issue("P-1", posted, MARCH_2);
        issue("H-1", homeless, MARCH_2);
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));

        runs.run(TENANT, day(3, 25));

        assertThat(phones.sent).extracting(NoticeMessage::address).containsExactly("+8613800138000");
        assertThat(letters.sent).extracting(NoticeMessage::address)
                .containsExactly("Posted GmbH\nHauptstr. 1\n10115 Berlin\nDE");
        assertThat(mail.sent).isEmpty();
        assertThat(only(homeless).delivery()).isEqualTo(DeliveryStatus.UNREACHABLE);
        assertThat(only(homeless).deliveryDetail()).contains("no address for channel 'letter'");
    }

    /** A notice by letter lands in the print queue with its PDF and the postal address, once, until marked printed. */
    @Test
    void aNoticeByLetterWaitsInThePrintQueueWithItsPdfUntilItIsMarkedPrinted() throws Exception {
        StoredPrintQueue queue = new StoredPrintQueue(database, clock);
        runs.addChannel(queue, Map.of(NoticeChannel.ID, "letter"));
        policies.define(TENANT, "POST", byChannel("letter", "POST", "zh-CN"));
        UUID posted = customers.create(TENANT, new CustomerRequest(null, "北京测试有限公司", null, null, "EUR", null,
                null, new BillingAddress("朝阳区建国路 1 号", null, "100020", "北京", null, "CN"), null, "POST", null,
                null, null, null)).id();
        issue("L-1", posted, MARCH_2);
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));

        runs.run(TENANT, day(3, 25));

        DunningNotice notice = only(posted);
        assertThat(notice.delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(notice.deliveryDetail()).isEqualTo("queued for printing");
        assertThat(queue.awaiting(TENANT)).singleElement().satisfies(letter -> {
            assertThat(letter.noticeId()).isEqualTo(notice.id());
            assertThat(letter.customerId()).isEqualTo(posted);
            assertThat(letter.runDate()).isEqualTo(day(3, 25));
            assertThat(letter.address()).isEqualTo("北京测试有限公司\n朝阳区建国路 1 号\n100020 北京\nCN");
            assertThat(letter.printedAt()).isNull();
        });
        try (PDDocument pdf = Loader.loadPDF(queue.pdf(TENANT, notice.id()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("北京测试有限公司", "对账单", "119.00 EUR");
        }
        assertThat(queue.awaiting(new TenantId("other"))).isEmpty();

        clock.set(Instant.parse("2026-03-25T09:30:00Z"));
        Letter printed = queue.printed(TENANT, notice.id(), "user:wang");
        assertThat(printed.printedAt()).isEqualTo(Instant.parse("2026-03-25T09:30:00Z"));
        assertThat(printed.printedBy()).isEqualTo("user:wang");
        assertThat(queue.awaiting(TENANT)).isEmpty();
        clock.set(Instant.parse("2026-03-26T09:30:00Z"));
        assertThat(queue.printed(TENANT, notice.id(), "user:li")).isEqualTo(printed);
        assertThat(queue.pdf(TENANT, notice.id())).isNotEmpty();
        assertThatThrownBy(() -> queue.pdf(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queue.printed(new TenantId("other"), notice.id(), "user:li"))
                .isInstanceOf(NotFoundException.class);
        NoticeMessage again = new NoticeMessage(TENANT, notice.id(), "北京测试有限公司", "elsewhere", "zh-CN", "s", "b",
                "", List.of(new NoticeAttachment("n.pdf", "application/pdf", new byte[] { 1 })));
        assertThat(queue.deliver(new ChannelContext(TENANT, Map.of()), again).detail())
                .isEqualTo("in the print queue already");
        assertThat(queue.pdf(TENANT, notice.id())).hasSizeGreaterThan(1);
    }

    private static DunningPolicyRequest byChannel(String channel, String segment, String language) {
        return new DunningPolicyRequest(channel, List.of(new DunningLevel(7, null, false, null)), null, null, null,
                "NET14", language, channel, List.of(segment), false);
    }

    /**
     * The real SMS channel through the gateway emulator: the first run meets a gateway answering 503 and keeps both
     * notices pending; the next run texts the one customer in UCS-2 and records the number the gateway refuses as
     * failed for good.
     */
    @Test
    void aRunTextsTheNoticeThroughTheSmsGatewayARefusedNumberFailsAndAnErrorIsRetried() throws Exception {
        try (SmsGatewayEmulator gateway = new SmsGatewayEmulator(SMS_TOKEN)) {
            runs.addAccount(ChannelAccountTest.sealedAccount(TestProviders.secrets(), TENANT.value(), "sms", Map.of(
                    "endpoint", gateway.endpoint().toString(), "senderId", "DUNNING", "timeoutMillis", "5000"),
                    Map.of("apiToken", SMS_TOKEN)));
            runs.addChannel(new GatewaySmsChannel(), Map.of(NoticeChannel.ID, "sms"));
            policies.define(TENANT, "SMS", byChannel("sms", "SMS", "zh-CN"));
            UUID shop = customers.create(TENANT, new CustomerRequest(null, "上海贸易有限公司", null, null, "EUR", null,
                    "+86 138 0013 8000", null, null, "SMS", null, null, null, null)).id();
            UUID gone = customers.create(TENANT, new CustomerRequest(null, "Gone Ltd", null, null, "EUR", null,
                    "+86 139 0000 0000", null, null, "SMS", null, null, null, null)).id();
            gateway.refuse("+8613900000000");
            issue("SMS-1", shop, MARCH_2);
            issue("SMS-2", gone, MARCH_2);
            gateway.misbehave(SmsGatewayEmulator.Misbehaviour.SERVER_ERROR, 2);
            clock.set(Instant.parse("2026-03-26T06:00:00Z"));

            runs.run(TENANT, day(3, 25));
            assertThat(only(shop).delivery()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(only(shop).deliveryDetail()).contains("503");
            assertThat(gateway.messages()).isEmpty();

            runs.run(TENANT, day(3, 26));
            assertThat(only(shop).delivery()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(only(shop).attempts()).isEqualTo(2);
            assertThat(only(gone).delivery()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(only(gone).deliveryDetail()).contains("422 number_refused");
            assertThat(gateway.messages()).hasSize(1);
            SmsGatewayEmulator.Message sent = gateway.messages().get(0);
            assertThat(sent.to()).isEqualTo("+8613800138000");
            assertThat(sent.from()).isEqualTo("DUNNING");
            assertThat(sent.encoding()).isEqualTo("UCS2");
            assertThat(sent.text()).contains("上海贸易有限公司").contains("逾期");
            assertThat(sent.segments()).isEqualTo(sent.statedSegments()).isGreaterThan(1);
            assertThat(only(shop).deliveryDetail()).contains(sent.segments() + " segments UCS-2")
                    .doesNotContain(SMS_TOKEN);
        }
    }

    @Test
    void thePreviewShowsWhatTheRunWouldSendAndChangesNothing() {
        policies.define(TENANT, "STD", standard("en"));
        UUID a = customer("Preview Ltd", "p@example.com");
        issue("P-1", a, MARCH_2);
        issue("P-2", a, MARCH_2);
        int journalled = journalEntries();

        List<DunningNotice> preview = runs.preview(TENANT, day(3, 25));

        assertThat(preview).singleElement().satisfies(notice -> {
            assertThat(notice.customerId()).isEqualTo(a);
            assertThat(notice.items()).hasSize(2);
            assertThat(notice.fee()).isEqualTo(eur("5.00"));
            assertThat(notice.id()).isNull();
        });
        assertThat(journalEntries()).isEqualTo(journalled);
        assertThat(runs.find(TENANT, day(3, 25))).isEmpty();
        assertThat(runs.preview(TENANT, day(3, 25))).isEqualTo(preview);
        assertThat(runs.notices(TENANT, a)).isEmpty();
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));
        runs.run(TENANT, day(3, 25));
        DunningNotice run = only(a);
        assertThat(run.items()).isEqualTo(preview.get(0).items());
        assertThat(run.fee()).isEqualTo(preview.get(0).fee());
        assertThat(run.interest()).isEqualTo(preview.get(0).interest());
    }

    @Test
    void collectorsLogContactsWithPromisesAndWorkTheirListByOverdueTimesDays() {
        UUID small = customer("Small but old", "s@example.com");
        UUID large = customer("Large and new", "l@example.com");
        UUID current = customer("Not overdue", "c@example.com");
        issue("W-1", small, LocalDate.of(2026, 1, 2));
        issue("W-2", large, day(3, 2));
        issue("W-3", large, day(3, 2));
        issue("W-4", current, day(3, 20));
        customers.assignCollector(TENANT, large, "user:li");

        CollectionActivity call = work.log(TENANT, large, "user:li", new ActivityRequest(ActivityKind.CALL,
                ActivityOutcome.PROMISED_TO_PAY, "spoke to accounts payable", new BigDecimal("238.00"), day(4, 10),
                "check the payment", day(4, 11)));
        work.log(TENANT, large, "user:li", new ActivityRequest(ActivityKind.NOTE, null, "no answer by mail", null, null,
                null, null));

        assertThat(call.promiseId()).isNotNull();
        assertThat(work.promises(TENANT, large)).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(eur("238.00"));
            assertThat(p.promisedFor()).isEqualTo(day(4, 10));
        });
        assertThat(work.activities(TENANT, large)).extracting(CollectionActivity::kind)
                .containsExactlyInAnyOrder(ActivityKind.CALL, ActivityKind.NOTE);
        // 119.00 x 69 days = 8211 against 238.00 x 10 days = 2380: the older debt comes first.
        List<WorklistEntry> list = work.worklist(TENANT, day(3, 26), null);
        assertThat(list).extracting(WorklistEntry::customerId).containsExactly(small, large);
        assertThat(list.get(0).priority()).isEqualByComparingTo("8211.00");
        assertThat(list.get(1).overdue()).isEqualTo(eur("238.00"));
        assertThat(list.get(1).nextActionOn()).isEqualTo(day(4, 11));
        assertThat(list.get(1).nextAction()).isEqualTo("check the payment");
        assertThat(work.worklist(TENANT, day(3, 26), "user:li")).extracting(WorklistEntry::customerId)
                .containsExactly(large);

        assertRefused(() -> work.log(TENANT, large, "user:li", new ActivityRequest(null, null, null, null, null, null,
                null)), "kind");
        assertRefused(() -> work.log(TENANT, large, "user:li", new ActivityRequest(ActivityKind.CALL, null, null,
                new BigDecimal("10"), null, null, null)), "promisedFor");
        assertRefused(() -> work.log(TENANT, large, "user:li", new ActivityRequest(ActivityKind.CALL, null, "a\u0000b",
                null, null, null, null)), "notes");
        assertRefused(() -> work.log(TENANT, large, "user:li", new ActivityRequest(ActivityKind.VISIT, null, null, null,
                null, null, day(4, 1))), "nextAction");
        assertThatThrownBy(() -> work.log(TENANT, UUID.randomUUID(), "user:li", new ActivityRequest(ActivityKind.CALL,
                null, null, null, null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTimelineMergesNoticesActivitiesPromisesAndDisputesNewestFirstAPageAtATime() {
        policies.define(TENANT, "STD", standard("en"));
        UUID a = customer("Timeline Ltd", "t@example.com");
        Invoice first = issue("T-1", a, MARCH_2);
        issue("T-2", a, MARCH_2);
        UUID other = customer("Someone Else", "else@example.com");
        Invoice elsewhere = issue("T-3", other, MARCH_2);
        clock.set(Instant.parse("2026-03-25T06:00:00Z"));
        runs.run(TENANT, day(3, 25));
        clock.set(Instant.parse("2026-03-26T09:00:00Z"));
        CollectionActivity call = work.log(TENANT, a, "user:li", new ActivityRequest(ActivityKind.CALL,
                ActivityOutcome.PROMISED_TO_PAY, "will pay soon", new BigDecimal("100.00"), day(4, 10), null, null));
        clock.set(Instant.parse("2026-03-27T10:00:00Z"));
        PromiseToPay promise = work.promise(TENANT, a, new BigDecimal("138.00"), day(4, 20), "the rest");
        clock.set(Instant.parse("2026-03-28T11:00:00Z"));
        Dispute dispute = work.openDispute(TENANT, first.id(), "goods damaged");
        work.openDispute(TENANT, elsewhere.id(), "not this customer's");
        clock.set(Instant.parse("2026-03-30T12:00:00Z"));
        work.resolveDispute(TENANT, first.id(), "credit note agreed");
        DunningNotice notice = runs.notices(TENANT, a).get(0);

        List<TimelineEntry> all = work.timeline(TENANT, a, new PageRequest(0, 50));

        assertThat(all).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.DISPUTE_RESOLVED,
                TimelineEntry.Kind.DISPUTE_OPENED, TimelineEntry.Kind.PROMISE, TimelineEntry.Kind.ACTIVITY,
                TimelineEntry.Kind.NOTICE);
        assertThat(all.get(0)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(dispute.id());
            assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
            assertThat(entry.text()).isEqualTo("credit note agreed");
            assertThat(entry.invoiceId()).isEqualTo(first.id());
            assertThat(entry.invoiceNumber()).isEqualTo(first.number());
            assertThat(entry.amount()).isNull();
        });
        assertThat(all.get(1)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(dispute.id());
            assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-28T11:00:00Z"));
            assertThat(entry.text()).isEqualTo("goods damaged");
            assertThat(entry.invoiceId()).isEqualTo(first.id());
            assertThat(entry.invoiceNumber()).isEqualTo(first.number());
        });
        all = all.subList(2, all.size());
        assertThat(all.get(0)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(promise.id());
            assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-27T10:00:00Z"));
            assertThat(entry.amount()).isEqualTo(eur("138.00"));
            assertThat(entry.text()).isEqualTo("the rest");
        });
        assertThat(all.get(1)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(call.id());
            assertThat(entry.actor()).isEqualTo("user:li");
            assertThat(entry.activity()).isEqualTo(ActivityKind.CALL);
            assertThat(entry.outcome()).isEqualTo(ActivityOutcome.PROMISED_TO_PAY);
            assertThat(entry.text()).isEqualTo("will pay soon");
            assertThat(entry.level()).isNull();
        });
        assertThat(all.get(2)).satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(notice.id());
            assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-25T06:00:00Z"));
            assertThat(entry.level()).isEqualTo(notice.level());
            assertThat(entry.items()).isEqualTo(2);
            assertThat(entry.channel()).isEqualTo(notice.channel());
            assertThat(entry.delivery()).isEqualTo(notice.delivery());
            assertThat(entry.amount()).isEqualTo(notice.overdue());
            assertThat(entry.actor()).isNull();
            assertThat(entry.invoiceId()).isNull();
        });
        List<TimelineEntry> whole = work.timeline(TENANT, a, new PageRequest(0, 50));
        assertThat(work.timeline(TENANT, a, new PageRequest(0, 2))).isEqualTo(whole.subList(0, 2));
        assertThat(work.timeline(TENANT, a, new PageRequest(1, 2))).isEqualTo(whole.subList(2, 4));
        assertThat(work.timeline(TENANT, a, new PageRequest(2, 2))).isEqualTo(whole.subList(4, 5));
        assertThat(work.timeline(TENANT, a, new PageRequest(3, 2))).isEmpty();
        assertThat(work.timeline(TENANT, other, new PageRequest(0, 50))).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.DISPUTE_OPENED, TimelineEntry.Kind.NOTICE);
        assertThatThrownBy(() -> work.timeline(new TenantId("elsewhere"), a, new PageRequest(0, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.timeline(TENANT, UUID.randomUUID(), new PageRequest(0, 50)))
                .isInstanceOf(NotFoundException.class);
    }

    private Object attempt(BackgroundDunningRuns node) {
        try {
            return node.run(TENANT, day(3, 25));
        } catch (ConflictException busy) {
            return busy;
        }
    }

    @Test
    void aRunMailsTheNoticeWithItsPdfThroughARealSmtpServer() throws Exception {
        policies.define(TENANT, "STD", standard("zh-CN"));
        UUID shop = customer("上海贸易<script>有限公司", "shanghai@example.com");
        issue("M-1", shop, MARCH_2);
        GreenMail smtp = smtpServer(ServerSetupTest.SMTP.dynamicPort());
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            mailThrough(smtp.getSmtp().getPort());
            clock.set(Instant.parse("2026-03-23T06:00:00Z"));
            runs.run(TENANT, day(3, 23));
        } finally {
            System.setErr(err);
        }

        try {
            assertMailed(smtp, only(shop));
        } finally {
            smtp.stop();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(SMTP_PASSWORD);
        assertThat(runs.notices(TENANT, shop).toString()).doesNotContain(SMTP_PASSWORD);
    }

    private static void assertMailed(GreenMail smtp, DunningNotice notice) throws Exception {
        assertThat(notice.delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(notice.deliveryDetail()).startsWith("250");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("shanghai@example.com");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("逾期付款通知（第2级）");
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent())
                .contains("上海贸易<script>有限公司，您好", "119.00 EUR", "催款费：5.00 EUR", "逾期 7 天");
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("上海贸易&lt;script&gt;有限公司").doesNotContain("<script>");
        Part attachment = mixed.getBodyPart(1);
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("催款通知-2026-03-23.pdf");
        try (InputStream in = attachment.getInputStream(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            Money total = notice.overdue().plus(notice.fee()).plus(notice.interest());
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("逾期付款通知（第2级）", "上海贸易<script>有限公司", "119.00 EUR", "以下款项已逾期")
                    .contains("对账单（截至 2026-03-23）", "催款费", "逾期利息", "未付合计 EUR：" + NoticeTexts.amount(total))
                    .contains(notice.chargeNumbers());
        }
    }

    @Test
    void aRecipientTheSmtpServerRefusesFlagsTheNoticeForGood() throws Exception {
        policies.define(TENANT, "STD", standard("en"));
        UUID gone = customer("Gone Ltd", "gone@example.com");
        issue("G-1", gone, MARCH_2);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "550 5.1.1 <" + address + ">: no such user")) {
            mailThrough(server.port());
            clock.set(Instant.parse("2026-03-23T06:00:00Z"));
            runs.run(TENANT, day(3, 23));
            runs.run(TENANT, day(3, 24));

            assertThat(server.accepted()).isEmpty();
        }
        DunningNotice notice = only(gone);
        assertThat(notice.delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(notice.deliveryDetail()).contains("550", "refused").doesNotContain("gone@example.com");
    }

    @Test
    void mailWhileTheSmtpServerIsDownGoesOutOnceItIsBackAndOnlyOnce() throws Exception {
        policies.define(TENANT, "STD", standard("en"));
        UUID back = customer("Back Again Ltd", "back@example.com");
        issue("B-1", back, MARCH_2);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        mailThrough(port);
        clock.set(Instant.parse("2026-03-23T06:00:00Z"));
        runs.run(TENANT, day(3, 23));
        assertThat(only(back).delivery()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(only(back).deliveryDetail()).contains("cannot be reached");

        GreenMail smtp = smtpServer(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            clock.set(Instant.parse("2026-03-24T06:00:00Z"));
            runs.run(TENANT, day(3, 24));
            clock.set(Instant.parse("2026-03-25T06:00:00Z"));
            runs.run(TENANT, day(3, 25));

            assertThat(only(back).delivery()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(only(back).attempts()).isEqualTo(2);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Overdue payment notice (level 2)");
        } finally {
            smtp.stop();
        }
    }

    private static GreenMail smtpServer(ServerSetup setup) {
        GreenMail smtp = new GreenMail(setup);
        smtp.setUser("ar@dunning.example", "ar", SMTP_PASSWORD);
        smtp.start();
        return smtp;
    }

    /** The tenant's notices go by the real e-mail channel to the SMTP server on {@code port}, the password sealed. */
    private void mailThrough(int port) {
        runs.addAccount(ChannelAccountTest.sealedAccount(TestProviders.secrets(), TENANT.value(), "email", Map.of(
                "host", "127.0.0.1", "port", String.valueOf(port), "security", "NONE", "user", "ar",
                "from", "ar@dunning.example", "connectTimeoutMillis", "2000", "timeoutMillis", "5000"),
                Map.of("password", SMTP_PASSWORD)));
        runs.addChannel(new SmtpNoticeChannel(), Map.of(NoticeChannel.ID, "email"));
    }

    private DunningNotice only(UUID customer) {
        List<DunningNotice> notices = runs.notices(TENANT, customer);
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }

    private static DunningPolicyRequest standard(String language) {
        return new DunningPolicyRequest("Standard", List.of(
                new DunningLevel(-3, null, false, null),
                new DunningLevel(7, new BigDecimal("5.00"), false, null),
                new DunningLevel(21, new BigDecimal("10.00"), true, null),
                new DunningLevel(35, null, false, CollectionStage.AGENCY)),
                5, new BigDecimal("20"), new BigDecimal("10"), "NET14", language, "email", null, true);
    }

    /** 119.00 x 10 days = 1190 each; the customer the risk model scores 60 weighs 1.6 times: 1904 comes first. */
    @Test
    void theRiskScoreWeighsACustomersOverdueUpToTwice() {
        UUID safe = customer("Safe", "safe@example.com");
        UUID risky = customer("Risky", "risky@example.com");
        issue("R-1", safe, day(3, 2));
        issue("R-2", risky, day(3, 2));
        database.inTransaction(TENANT, session -> session.createNativeMutationQuery("insert into risk_customer"
                        + " (tenant_id, customer_id, model_version, scored_on, score, probability_over_90,"
                        + " expected_days_late) values (:tenant, :customer, 1, :day, 60, 0.6, 40)")
                .setParameter("tenant", TENANT.value()).setParameter("customer", risky).setParameter("day", day(3, 25))
                .executeUpdate());

        List<WorklistEntry> list = work.worklist(TENANT, day(3, 26), null);

        assertThat(list).extracting(WorklistEntry::customerId).containsExactly(risky, safe);
        assertThat(list).extracting(WorklistEntry::priority).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1904"), new BigDecimal("1190"));
    }

    private UUID customer(String name, String email) {
        return customers.create(TENANT, CustomerRequest.of(null, name, null, email, "EUR")).id();
    }

    /** An invoice of 100.00 net and 19 % tax, due 14 days after {@code issued}. */
    private Invoice issue(String orderId, UUID customer, LocalDate issued) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, "EUR", issued, "NET14",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return invoices.issue(TENANT, draft.id(), issued);
    }

    /** The fee or interest items charged to {@code customer} (to anyone when null). */
    private List<Invoice> charges(UUID customer, String kind) {
        List<UUID> ids = database.inTransaction(TENANT, session -> NativeRow.list(session.createNativeQuery(
                        "select c.invoice_id from dunning_charge c join invoice v on v.tenant_id = c.tenant_id"
                                + " and v.id = c.invoice_id where c.tenant_id = :tenant and c.kind = :kind"
                                + " order by v.invoice_number", Tuple.class)
                .setParameter("tenant", TENANT.value()).setParameter("kind", kind)).stream()
                .map(row -> row.uuid("invoice_id")).toList());
        return ids.stream().map(id -> invoices.find(TENANT, id).orElseThrow())
                .filter(invoice -> customer == null || invoice.customerId().equals(customer)).toList();
    }

    private int journalEntries() {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select count(*) from journal_entry where tenant_id = :tenant", Object.class)
                .setParameter("tenant", TENANT.value()).getSingleResult()).intValue());
    }

    private static List<DunningNotice> oldestFirst(List<DunningNotice> notices) {
        return notices.stream().sorted(java.util.Comparator.comparing(DunningNotice::runDate)).toList();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }
}
