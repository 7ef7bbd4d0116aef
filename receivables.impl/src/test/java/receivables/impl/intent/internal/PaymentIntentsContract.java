package receivables.impl.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.intent.IntentRequest;
import receivables.api.intent.IntentRefundStatus;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.api.intent.PaymentIntent;
import receivables.api.intent.RefundRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRefundRequest;
import receivables.api.payment.PaymentRequest;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RefundReport;
import receivables.impl.ledger.OnLedger;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.provider.internal.TestProviders;
import receivables.impl.provider.internal.SealedSecrets;

/**
 * Payment intents on every database we support: the state machine, idempotency, notifications that are
 * forged, repeated or out of order, retries and the janitor, a provider that goes away and comes back, and
 * refunds that reach the ledger.
 */
abstract class PaymentIntentsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("intents");
    static final TenantId WITHOUT_PROVIDER = new TenantId("plain");
    static final String SECRET = "notification-secret-of-intents";
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    final ScriptedProvider provider = new ScriptedProvider();
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    ProviderDirectory directory;
    StoredPaymentIntents intents;

    @BeforeEach
    void wireIntents() {
        SealedSecrets secrets = TestProviders.secrets();
        directory = TestProviders.directory(Map.of(provider, ScriptedProvider.DESCRIPTION), List.of(
                TestProviders.account(secrets, TENANT.value(), "scripted", true, Map.of(),
                        Map.of("notificationSecret", SECRET)),
                TestProviders.account(secrets, WITHOUT_PROVIDER.value(), "scripted", false, Map.of(), Map.of()),
                TestProviders.account(secrets, TENANT.value(), "plain", true, Map.of(), Map.of())));
        intents = TestIntents.intents(database, directory, payments, clock);
    }

    @Test
    void anIntentStartsAtItsProviderAndTellsThePayerHowToPay() {
        Invoice invoice = issued("SO-QR", "100.00");

        PaymentIntent intent = intents.create(TENANT, request("k-qr", invoice, null));

        assertThat(intent.status()).isEqualTo(IntentStatus.PENDING);
        assertThat(intent.amount()).isEqualTo(eur("119.00"));
        assertThat(intent.description()).isEqualTo(invoice.number());
        assertThat(intent.method()).isEqualTo("WALLET_QR");
        assertThat(intent.instructions().kind()).isEqualTo(PaymentInstructions.Kind.QR_CODE);
        assertThat(intent.instructions().qrPayload()).isEqualTo("scripted://pay/" + intent.id() + "?amount=119.00");
        assertThat(intent.providerReference()).isEqualTo("T-" + intent.id());
        assertThat(intent.history()).extracting(IntentTransition::to).containsExactly(IntentStatus.CREATED, IntentStatus.PENDING);
        assertThat(intents.offers(TENANT)).singleElement().satisfies(offer -> assertThat(offer.id()).isEqualTo("scripted"));
        assertThat(intents.offers(WITHOUT_PROVIDER)).isEmpty();
    }

    @Test
    void theSameKeyTwiceCreatesOneIntentAndAnotherRequestUnderItIsAConflict() {
        Invoice invoice = issued("SO-KEY", "100.00");
        Invoice other = issued("SO-KEY-2", "10.00");

        PaymentIntent first = intents.create(TENANT, request("k-same", invoice, null));
        PaymentIntent again = intents.create(TENANT, request("k-same", invoice, null));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(provider.started).containsExactly(first.id());
        assertThatThrownBy(() -> intents.create(TENANT, request("k-same", other, null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        Invoice invoice = issued("SO-BAD", "100.00");
        Invoice draft = invoices.createFromOrder(TENANT, order("SO-DRAFT", customer(TENANT, "Draft Ltd"), "5.00"));

        assertRefused(() -> intents.create(TENANT, new IntentRequest("k1", invoice.id(), "nobody", null, null)), "provider");
        assertRefused(() -> intents.create(WITHOUT_PROVIDER, new IntentRequest("k2", invoice.id(), "scripted", null, null)),
                "provider");
        assertRefused(() -> intents.create(TENANT, new IntentRequest("k3", UUID.randomUUID(), "scripted", null, null)),
                "invoiceId");
        assertRefused(() -> intents.create(TENANT, new IntentRequest("k4", draft.id(), "scripted", null, null)), "invoiceId");
        assertRefused(() -> intents.create(TENANT, request("k5", invoice, eur("119.01"))), "amount");
        assertRefused(() -> intents.create(TENANT, request("k6", invoice, Money.of("10.00", "USD"))), "amount");
        assertRefused(() -> intents.create(TENANT, request("k7", invoice, eur("0.00"))), "amount");
        assertRefused(() -> intents.create(TENANT, new IntentRequest("k8", invoice.id(), "scripted", "CARD", null)), "method");
        assertRefused(() -> intents.create(TENANT, new IntentRequest(null, invoice.id(), "scripted", null, null)),
                "idempotencyKey");
        rates.enter(TENANT, List.of(new ExchangeRate("JPY", ISSUED, new BigDecimal("0.0061"))));
        Invoice yen = issue(TENANT, new SalesOrder("SO-JPY", customer(TENANT, "Yen KK"), "JPY", ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("1000"), null, BigDecimal.ZERO))));
        assertRefused(() -> intents.create(TENANT, new IntentRequest("k9", yen.id(), "scripted", null, null)), "provider");
        assertThat(intentCount()).isZero();
    }

    @Test
    void aVerifiedNotificationOfPaymentPaysTheInvoiceOnceHoweverOftenItComes() {
        Invoice invoice = issued("SO-PAY", "100.00");
        PaymentIntent intent = intents.create(TENANT, request("k-pay", invoice, null));

        for (int i = 0; i < 10; i++) {
            assertThat(intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET,
                    "intent=" + intent.id() + "&outcome=SUCCEEDED&amount=119.00")).body()).isEqualTo("OK");
        }

        PaymentIntent paid = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(paid.history()).extracting(IntentTransition::to)
                .containsExactly(IntentStatus.CREATED, IntentStatus.PENDING, IntentStatus.SUCCEEDED);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        Payment payment = payments.find(TENANT, paid.paymentId()).orElseThrow();
        assertThat(payment.amount()).isEqualTo(eur("119.00"));
        assertThat(payment.method()).isEqualTo("WALLET_QR");
        assertThat(payment.valueDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(paymentCount()).isEqualTo(1);
        assertThat(journal.entriesFor(TENANT, payment.id().toString())).singleElement()
                .satisfies(entry -> assertThat(entry.lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                        JournalLine.debit(Account.CASH, eur("119.00")), JournalLine.credit(Account.RECEIVABLE, eur("119.00"))));
    }

    @Test
    void concurrentDeliveriesOfTheSameNotificationRecordOnePayment() throws Exception {
        Invoice invoice = issued("SO-RACE", "50.00");
        PaymentIntent intent = intents.create(TENANT, request("k-race", invoice, null));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<String> delivery = () -> {
                go.await();
                return intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET,
                        "intent=" + intent.id() + "&outcome=SUCCEEDED&amount=59.50")).body();
            };
            deliveries.add(threads.submit(delivery));
        }
        go.countDown();
        for (Future<String> delivery : deliveries) {
            assertThat(delivery.get()).isEqualTo("OK");
        }
        threads.shutdown();

        assertThat(paymentCount()).isEqualTo(1);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aForgedNotificationIsRejectedAndChangesNothing() {
        Invoice invoice = issued("SO-FORGED", "100.00");
        PaymentIntent intent = intents.create(TENANT, request("k-forged", invoice, null));

        assertRefused(() -> intents.notify(TENANT, "scripted", ScriptedProvider.notification("guessed-secret",
                "intent=" + intent.id() + "&outcome=SUCCEEDED&amount=119.00")), "notification");
        assertRefused(() -> intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET,
                "intent=" + UUID.randomUUID() + "&outcome=SUCCEEDED&amount=119.00")), "notification");
        // Correctly signed, but the provider itself fails on it (here: an outcome it cannot parse).
        assertRefused(() -> intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET,
                "intent=" + intent.id() + "&outcome=PAID-ISH&amount=119.00")), "notification");

        assertThat(intents.find(TENANT, intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);
        assertThat(paymentCount()).isZero();
        assertThatThrownBy(() -> intents.notify(WITHOUT_PROVIDER, "scripted", ScriptedProvider.notification(SECRET,
                "intent=" + intent.id() + "&outcome=SUCCEEDED&amount=119.00")))
                .isInstanceOf(receivables.api.NotFoundException.class);
    }

    @Test
    void finalStatesStayFinalButMoneyArrivingLateIsNeverLost() {
        Invoice paidFirst = issued("SO-ORDER-1", "10.00");
        PaymentIntent succeeded = intents.create(TENANT, request("k-o1", paidFirst, null));
        notify(succeeded, "SUCCEEDED&amount=11.90");
        notify(succeeded, "FAILED");
        notify(succeeded, "PENDING");
        assertThat(intents.find(TENANT, succeeded.id()).orElseThrow().status()).isEqualTo(IntentStatus.SUCCEEDED);

        Invoice canceledFirst = issued("SO-ORDER-2", "20.00");
        PaymentIntent canceled = intents.cancel(TENANT, intents.create(TENANT, request("k-o2", canceledFirst, null)).id());
        assertThat(canceled.status()).isEqualTo(IntentStatus.CANCELED);
        notify(canceled, "SUCCEEDED&amount=23.80");

        PaymentIntent late = intents.find(TENANT, canceled.id()).orElseThrow();
        assertThat(late.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(late.history()).last().satisfies(step -> assertThat(step.detail()).contains("after the intent was CANCELED"));
        assertThat(invoices.find(TENANT, canceledFirst.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paymentCount()).isEqualTo(2);
    }

    @Test
    void aStartTheProviderCouldNotTakeIsRetriedWithBackoffAndADeclinedOneFails() {
        Invoice invoice = issued("SO-RETRY", "100.00");
        provider.nextFailures.add(new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "gateway answered 503"));

        PaymentIntent waiting = intents.create(TENANT, request("k-retry", invoice, null));

        assertThat(waiting.status()).isEqualTo(IntentStatus.CREATED);
        assertThat(waiting.lastError()).isEqualTo("UNAVAILABLE: gateway answered 503");
        assertThat(intents.startDue(TENANT)).as("not before its retry time").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(intents.startDue(TENANT)).isEqualTo(1);
        assertThat(intents.find(TENANT, waiting.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);

        Invoice declined = issued("SO-DECLINED", "5.00");
        provider.nextFailures.add(new ProviderFailure(ProviderFailure.Kind.DECLINED, "merchant suspended"));
        PaymentIntent failed = intents.create(TENANT, request("k-declined", declined, null));
        assertThat(failed.status()).isEqualTo(IntentStatus.FAILED);
        assertThat(failed.lastError()).contains("merchant suspended");
    }

    @Test
    void theJanitorSettlesQuietIntentsByAskingTheProviderAndExpiresTheOnesNobodyPays() {
        Invoice answered = issued("SO-QUERY", "100.00");
        PaymentIntent quiet = intents.create(TENANT, request("k-query", answered, null));
        Invoice unpaid = issued("SO-EXPIRE", "10.00");
        PaymentIntent abandoned = intents.create(TENANT, request("k-expire", unpaid, null));

        clock.advance(Duration.ofMinutes(3));
        provider.queryAnswer = new ProviderReport(quiet.id(), null, ProviderOutcome.SUCCEEDED, eur("119.00"), null);
        intents.settle(TENANT, quiet.id());
        provider.queryAnswer = new ProviderReport(abandoned.id(), null, ProviderOutcome.PENDING, null, null);
        assertThat(intents.settlePending(TENANT)).as("only the one still pending").isEqualTo(1);
        assertThat(intents.find(TENANT, abandoned.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);
        clock.advance(Duration.ofMinutes(60));
        intents.settlePending(TENANT);

        assertThat(intents.find(TENANT, quiet.id()).orElseThrow().status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(invoices.find(TENANT, answered.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(intents.find(TENANT, abandoned.id()).orElseThrow().status()).isEqualTo(IntentStatus.EXPIRED);
    }

    @Test
    void aRemovedProviderRefusesNewIntentsKeepsOldOnesReadableAndTheyCompleteWhenItIsBack() {
        Invoice invoice = issued("SO-SWAP", "100.00");
        Invoice next = issued("SO-SWAP-2", "10.00");
        PaymentIntent before = intents.create(TENANT, request("k-swap", invoice, null));

        TestProviders.install(directory, Map.of());

        assertRefused(() -> intents.create(TENANT, request("k-swap-2", next, null)), "provider");
        assertThat(intents.find(TENANT, before.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);
        assertThat(intents.offers(TENANT)).isEmpty();
        clock.advance(Duration.ofHours(2));
        intents.settlePending(TENANT);
        assertThat(intents.find(TENANT, before.id()).orElseThrow().status()).as("nobody to ask: left alone")
                .isEqualTo(IntentStatus.PENDING);

        TestProviders.install(directory, Map.of(provider, ScriptedProvider.DESCRIPTION));
        notify(before, "SUCCEEDED&amount=119.00");

        assertThat(intents.find(TENANT, before.id()).orElseThrow().status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(intents.create(TENANT, request("k-swap-2", next, null)).status()).isEqualTo(IntentStatus.PENDING);
    }

    @Test
    void aPartialRefundGoesThroughTheProviderOnceAndReopensWhatItPaidBack() {
        Invoice invoice = issued("SO-REFUND", "100.00");
        PaymentIntent intent = intents.create(TENANT, request("k-refund", invoice, null));
        notify(intent, "SUCCEEDED&amount=119.00");

        PaymentIntent refunded = intents.refund(TENANT, intent.id(), new RefundRequest("r-1", eur("19.00"), "damaged"));
        intents.refund(TENANT, intent.id(), new RefundRequest("r-1", eur("19.00"), "damaged"));

        assertThat(refunded.status()).isEqualTo(IntentStatus.PARTIALLY_REFUNDED);
        assertThat(refunded.refunded()).isEqualTo(eur("19.00"));
        assertThat(provider.refunded).hasSize(1);
        Invoice reopened = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(reopened.open()).isEqualTo(eur("19.00"));
        Payment payment = payments.find(TENANT, refunded.paymentId()).orElseThrow();
        assertThat(payment.unallocated()).isEqualTo(eur("0.00"));
        assertThat(journal.entriesFor(TENANT, payment.id().toString()))
                .anySatisfy(entry -> assertThat(entry.lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                        JournalLine.debit(Account.CUSTOMER_CREDIT, eur("19.00")), JournalLine.credit(Account.CASH, eur("19.00"))));
        assertRefused(() -> intents.refund(TENANT, intent.id(), new RefundRequest("r-2", eur("100.01"), "too much")), "amount");

        PaymentIntent rest = intents.refund(TENANT, intent.id(), new RefundRequest("r-3", null, "all of it"));
        assertThat(rest.status()).isEqualTo(IntentStatus.REFUNDED);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("119.00"));
    }

    @Test
    void aRefundTheProviderCouldNotTakeIsRetriedByTheJanitor() {
        Invoice invoice = issued("SO-REFUND-LATER", "10.00");
        PaymentIntent intent = intents.create(TENANT, request("k-refund-later", invoice, null));
        notify(intent, "SUCCEEDED&amount=11.90");
        provider.nextFailures.add(new ProviderFailure(ProviderFailure.Kind.UNKNOWN_OUTCOME, "timed out"));

        PaymentIntent waiting = intents.refund(TENANT, intent.id(), new RefundRequest("r-later", null, "returned"));

        assertThat(waiting.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(waiting.refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.status()).isEqualTo(IntentRefundStatus.PENDING));
        clock.advance(Duration.ofSeconds(5));
        assertThat(intents.retryRefunds(TENANT)).isEqualTo(1);
        PaymentIntent done = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(IntentStatus.REFUNDED);
        assertThat(done.refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.status()).isEqualTo(IntentRefundStatus.SUCCEEDED));
        assertThat(provider.refunded).singleElement()
                .satisfies(refund -> assertThat(refund.refundId()).isEqualTo(done.refunds().get(0).id()));
    }

    @Test
    void aRefundTheChannelConfirmsLaterReachesTheLedgerOnlyOnceConfirmed() {
        Invoice invoice = issued("SO-REFUND-CONFIRM", "100.00");
        PaymentIntent intent = intents.create(TENANT, request("k-refund-confirm", invoice, null));
        notify(intent, "SUCCEEDED&amount=119.00");
        provider.nextRefundAnswers.add(RefundReport.pending("R-LATER"));

        PaymentIntent waiting = intents.refund(TENANT, intent.id(), new RefundRequest("r-confirm", eur("19.00"), "late"));

        assertThat(waiting.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(waiting.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(IntentRefundStatus.PENDING);
            assertThat(refund.providerReference()).isEqualTo("R-LATER");
        });
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).as("the ledger waits")
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(intents.retryRefunds(TENANT)).as("not asked before its time").isZero();
        clock.advance(Duration.ofSeconds(120));
        assertThat(intents.retryRefunds(TENANT)).isEqualTo(1);
        assertThat(provider.refundQueries).hasSize(1);
        assertThat(intents.find(TENANT, intent.id()).orElseThrow().refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.status()).isEqualTo(IntentRefundStatus.PENDING));

        provider.nextRefundAnswers.add(RefundReport.succeeded("R-LATER"));
        clock.advance(Duration.ofSeconds(120));
        intents.retryRefunds(TENANT);

        PaymentIntent done = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(IntentStatus.PARTIALLY_REFUNDED);
        assertThat(done.refunded()).isEqualTo(eur("19.00"));
        assertThat(provider.refunded).as("paid back once, then only asked").hasSize(1);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("19.00"));

        provider.nextRefundAnswers.add(RefundReport.failed(null, "card expired"));
        PaymentIntent refused = intents.refund(TENANT, intent.id(), new RefundRequest("r-refused", eur("5.00"), "more"));
        assertThat(refused.refunds()).filteredOn(refund -> refund.amount().equals(eur("5.00"))).singleElement()
                .satisfies(refund -> assertThat(refund.status()).isEqualTo(IntentRefundStatus.FAILED));
        assertThat(refused.refunded()).isEqualTo(eur("19.00"));
        assertThat(refused.lastError()).isNull();
    }

    @Test
    void aStartThatDoesNotAnswerInTimeIsGivenUpInterruptedAndStartedAgainLater() throws Exception {
        Invoice invoice = issued("SO-HANG", "100.00");
        provider.hangUntil = new CountDownLatch(1);

        long before = System.nanoTime();
        PaymentIntent waiting = intents.create(TENANT, request("k-hang", invoice, null));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(TestIntents.CALL_TIMEOUT_MILLIS))
                .isLessThan(Duration.ofMillis(TestIntents.CALL_TIMEOUT_MILLIS + 5_000));
        assertThat(waiting.status()).isEqualTo(IntentStatus.CREATED);
        assertThat(waiting.lastError()).startsWith("UNKNOWN_OUTCOME: start at scripted gave no answer within");
        for (int i = 0; i < 50 && !provider.interrupted; i++) {
            Thread.sleep(20);
        }
        assertThat(provider.interrupted).as("the hanging call was interrupted").isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(intents.startDue(TENANT)).isEqualTo(1);
        assertThat(intents.find(TENANT, waiting.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);
    }

    @Test
    void aProvidersOwnBugIsARecordedFailureInStartAndARejectionInVerifyNeverAnEscapedException() {
        Invoice invoice = issued("SO-BUG", "100.00");
        provider.nextFailures.add(new NullPointerException("the provider's own bug"));

        PaymentIntent waiting = intents.create(TENANT, request("k-bug", invoice, null));

        assertThat(waiting.status()).isEqualTo(IntentStatus.CREATED);
        assertThat(waiting.lastError())
                .isEqualTo("UNKNOWN_OUTCOME: start at scripted failed unexpectedly: java.lang.NullPointerException");
        clock.advance(Duration.ofSeconds(5));
        intents.startDue(TENANT);
        PaymentIntent started = intents.find(TENANT, waiting.id()).orElseThrow();
        assertThat(started.status()).isEqualTo(IntentStatus.PENDING);

        assertRefused(() -> intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET,
                "intent=" + started.id() + "&outcome=SUCCEEDED&amount=119.00&crash=yes")), "notification");
        assertThat(intents.find(TENANT, started.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);
        assertThat(paymentCount()).isZero();
    }

    @Test
    void aProviderThatOnlyStartsAndVerifiesIsOfferedAsSuchCanceledWithoutBeingAskedAndNotRefunded() {
        PlainProvider plain = new PlainProvider();
        TestProviders.install(directory, Map.of(provider, ScriptedProvider.DESCRIPTION, plain, PlainProvider.DESCRIPTION));
        Invoice invoice = issued("SO-PLAIN", "100.00");

        assertThat(intents.offers(TENANT)).filteredOn(offer -> offer.id().equals("plain")).singleElement()
                .satisfies(offer -> {
                    assertThat(offer.capabilities()).isEmpty();
                    assertThat(offer.presentations()).containsExactly(PaymentInstructions.Kind.REDIRECT);
                });
        PaymentIntent intent = intents.create(TENANT, new IntentRequest("k-plain", invoice.id(), "plain", null, null));
        assertThat(intent.instructions().redirectUrl()).hasToString("https://pay.example/" + intent.id());

        PaymentIntent canceled = intents.cancel(TENANT, intent.id());

        assertThat(canceled.status()).isEqualTo(IntentStatus.CANCELED);
        assertThat(plain.calls).containsExactly("start");
        intents.notify(TENANT, "plain", PlainProvider.paid(canceled));
        PaymentIntent late = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(late.status()).as("a late payment is never lost").isEqualTo(IntentStatus.SUCCEEDED);
        assertRefused(() -> intents.refund(TENANT, late.id(), new RefundRequest("r-plain", null, "no")), "intent");

        Invoice other = issued("SO-PLAIN-QR", "10.00");
        plain.answerWithQrCode = true;
        PaymentIntent wrongKind = intents.create(TENANT, new IntentRequest("k-plain-qr", other.id(), "plain", null, null));
        assertThat(wrongKind.status()).isEqualTo(IntentStatus.FAILED);
        assertThat(wrongKind.lastError()).contains("QR_CODE instructions").contains("REDIRECT");
    }

    @Test
    void aSuccessForLessThanTheIntentRecordsWhatWasPaidAndLeavesTheRestOpen() {
        Invoice invoice = issued("SO-SHORT", "100.00");
        PaymentIntent intent = intents.create(TENANT, request("k-short", invoice, null));

        notify(intent, "SUCCEEDED&amount=100.00");

        PaymentIntent paid = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(paid.history()).last().satisfies(step -> assertThat(step.detail()).contains("100.00").contains("119.00"));
        assertThat(payments.find(TENANT, paid.paymentId()).orElseThrow().amount()).isEqualTo(eur("100.00"));
        Invoice open = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(open.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(open.open()).isEqualTo(eur("19.00"));
    }

    @Test
    void anOverpaymentsCreditIsRefundedOnceAndNeverBeyondWhatIsLeft() {
        UUID customer = customer(TENANT, "Overpaid GmbH");
        issue(TENANT, order("SO-OVER", customer, "100.00"));
        Payment payment = payments.record(TENANT, new PaymentRequest("p-over", customer, "BANK_TRANSFER", eur("150.00"),
                ISSUED.plusDays(3), null, List.of()));
        assertThat(payment.unallocated()).isEqualTo(eur("31.00"));

        payments.refund(TENANT, payment.id(), new PaymentRefundRequest("rf-1", eur("31.00"), ISSUED.plusDays(4), "overpaid"));
        payments.refund(TENANT, payment.id(), new PaymentRefundRequest("rf-1", eur("31.00"), ISSUED.plusDays(4), "overpaid"));

        assertThat(payments.refunds(TENANT, payment.id())).singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(eur("31.00")));
        assertThat(payments.find(TENANT, payment.id()).orElseThrow().unallocated()).isEqualTo(eur("0.00"));
        assertRefused(() -> payments.refund(TENANT, payment.id(), new PaymentRefundRequest("rf-2", eur("119.01"),
                ISSUED.plusDays(4), "more")), "amount");
        assertThatThrownBy(() -> payments.refund(TENANT, payment.id(), new PaymentRefundRequest("rf-1", eur("1.00"),
                ISSUED.plusDays(4), "other"))).isInstanceOf(ConflictException.class);
        assertRefused(() -> payments.refund(TENANT, payment.id(), new PaymentRefundRequest("rf-3", eur("-1.00"),
                ISSUED.plusDays(4), "negative")), "amount");
        assertThat(payments.refunds(TENANT, payment.id())).hasSize(1);
    }

    private void notify(PaymentIntent intent, String outcome) {
        intents.notify(TENANT, "scripted", ScriptedProvider.notification(SECRET, "intent=" + intent.id() + "&outcome=" + outcome));
    }

    private long intentCount() {
        return database.inTransaction(TENANT, session -> session.createSelectionQuery("select count(*) from PaymentIntent",
                Long.class).getSingleResult());
    }

    private long paymentCount() {
        return database.inTransaction(TENANT, session -> session.createSelectionQuery("select count(*) from Payment",
                Long.class).getSingleResult());
    }

    private static IntentRequest request(String key, Invoice invoice, Money amount) {
        return new IntentRequest(key, invoice.id(), "scripted", null, amount);
    }

    private Invoice issued(String orderId, String net) {
        return issue(TENANT, order(orderId, customer(TENANT, "Customer of " + orderId), net));
    }

    private Invoice issue(TenantId tenant, SalesOrder order) {
        return invoices.issue(tenant, invoices.createFromOrder(tenant, order).id(), ISSUED);
    }

    private UUID customer(TenantId tenant, String name) {
        return customers.create(tenant, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private static SalesOrder order(String orderId, UUID customer, String net) {
        return new SalesOrder(orderId, customer, "EUR", ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
