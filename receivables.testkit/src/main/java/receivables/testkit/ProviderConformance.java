package receivables.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.intent.IntentStatus;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundOutcome;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;

/**
 * The conformance suite of a payment provider: what the javadoc of {@code receivables.api.provider} promises the
 * core, checked against the vendor's own provider and channel (a sandbox or an emulator). A provider's test extends
 * it and says how to reach the channel:
 *
 * <pre>
 * class CardProviderConformanceTest extends ProviderConformance {
 *     protected PaymentProvider provider() { return new CardProvider(); }
 *     protected ProviderContext context() { return ProviderContextBuilder.forProvider("card").setting(...).build(); }
 *     protected Set&lt;String&gt; secretSettings() { return Set.of("apiKey", "webhookSecret"); }
 *     protected Optional&lt;RawNotification&gt; paidNotification(ProviderContext context, PaymentIntent started) { ... }
 *     protected Optional&lt;RawNotification&gt; forgedNotification(ProviderContext context, PaymentIntent started) { ... }
 * }
 * </pre>
 *
 * What it holds a provider to:
 * <ul>
 * <li><b>Metadata complete</b>: the component description bnd wrote carries an id of lower-case letters, digits and
 * dashes, a name, methods, active ISO 4217 currencies and presentations, and registers a {@link PaymentProvider};
 * {@code start} answers in a declared presentation.</li>
 * <li><b>Capabilities consistent</b>: {@code partialRefunds} only with {@link PaymentRefunds}; every optional
 * interface implemented answers (no "not supported" methods).</li>
 * <li><b>Idempotent</b>: starting an intent twice opens one payment; the same refund id twice refunds once;
 * cancelling twice, or cancelling what was never started, is no failure.</li>
 * <li><b>Notifications</b>: a genuine one reports the intent's payment; the same one again verifies to the same
 * report (the core then changes nothing); a forged one is {@code BAD_SIGNATURE}; one for an unknown intent is
 * {@code UNKNOWN_INTENT}; one for another amount is {@code MISMATCH}; mangled ones are rejected, never thrown.</li>
 * <li><b>Typed failures</b>: with a setting missing or unreadable, with hostile intents, nothing throws a
 * RuntimeException: every call answers or fails with {@link ProviderFailure} / {@link RejectedNotification}.</li>
 * <li><b>No secret</b> in any {@code toString}, failure message, rejection or instruction the payer sees.</li>
 * </ul>
 * A check that does not apply (no refunds, a channel that sends no notifications) is skipped, not passed.
 */
public abstract class ProviderConformance {

    private static final String MANGLED = "%zz not a value \u0000";

    private PaymentProvider provider;
    private final List<String> said = new ArrayList<>();

    /** A new instance of the provider, configured as Declarative Services would activate it. */
    protected abstract PaymentProvider provider();

    /**
     * A tenant's context whose settings and secrets work against the channel the test reaches (sandbox or emulator).
     * Secret values must be at least 8 characters, so that finding one in a text is no accident.
     */
    protected abstract ProviderContext context();

    /** The keys of {@link #context()}'s settings that are secrets: none of their values may appear in any text. */
    protected abstract Set<String> secretSettings();

    /**
     * A notification as the channel sends it when the payer paid {@code started} in full, signed as the channel
     * signs; empty for a channel that sends no notifications.
     *
     * @param started the intent as the core holds it after {@code start}: PENDING, with the instructions and their
     *                provider reference
     */
    protected abstract Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started);

    /** The same claim, signed with a key that is not the channel's (or the tenant's); empty without notifications. */
    protected abstract Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started);

    /**
     * Makes the payer pay {@code started} at the channel, for the query and refund checks. The default does nothing:
     * override it when the channel keeps payments.
     */
    protected void pay(ProviderContext context, PaymentIntent started) {
    }

    /** What the channel has paid back for the intent, when the test can see it; empty otherwise. */
    protected Optional<Money> refundedAtChannel(ProviderContext context, PaymentIntent intent) {
        return Optional.empty();
    }

    /** The DS component's name; by default the implementation class's, as the {@code @Component} annotation gives. */
    protected String componentName() {
        return subject().getClass().getName();
    }

    /**
     * The intent the checks start: CREATED, for 119 of the first declared currency, by the first declared method
     * in sort order (as the core picks it when an intent names none).
     */
    protected PaymentIntentBuilder intent() {
        ProviderMetadata metadata = metadata();
        String currency = metadata.values(ProviderDescription.CURRENCIES).get(0);
        return PaymentIntentBuilder.intent().provider(metadata.id())
                .method(metadata.values(ProviderDescription.METHODS).stream().sorted().findFirst().orElseThrow())
                .amount(Money.of(new BigDecimal("119"), currency));
    }

    @Test
    void theComponentDescriptionIsComplete() {
        ProviderMetadata metadata = metadata();
        assertTrue(metadata.id().matches("[a-z0-9][a-z0-9-]{0,63}"),
                ProviderDescription.ID + " '" + metadata.id() + "' is not lower-case letters, digits and dashes");
        assertFalse(metadata.value(ProviderDescription.NAME).isBlank(), ProviderDescription.NAME + " is missing");
        assertFalse(metadata.values(ProviderDescription.METHODS).isEmpty(), ProviderDescription.METHODS + " is missing");
        List<String> currencies = metadata.values(ProviderDescription.CURRENCIES);
        assertFalse(currencies.isEmpty(), ProviderDescription.CURRENCIES + " is missing");
        currencies.forEach(code -> assertTrue(Money.isActiveCurrency(code),
                ProviderDescription.CURRENCIES + ": '" + code + "' is not an active ISO 4217 code"));
        List<String> presentations = metadata.values(ProviderDescription.PRESENTATIONS);
        assertFalse(presentations.isEmpty(), ProviderDescription.PRESENTATIONS + " is missing");
        List<String> kinds = Arrays.stream(PaymentInstructions.Kind.values()).map(Enum::name).toList();
        presentations.forEach(kind -> assertTrue(kinds.contains(kind),
                ProviderDescription.PRESENTATIONS + ": '" + kind + "' is not one of " + kinds));
        assertTrue(metadata.services().contains(PaymentProvider.class.getName()),
                "the component registers " + metadata.services() + ", not " + PaymentProvider.class.getName());
        assertEquals(subject().getClass().getName(), metadata.implementation(), "the component's implementation class");
    }

    @Test
    void capabilitiesAreTheInterfacesImplemented() {
        if (metadata().partialRefunds()) {
            assertTrue(subject() instanceof PaymentRefunds,
                    "partialRefunds is declared, but the provider does not implement PaymentRefunds");
        }
        // The other capabilities are the interfaces themselves; each implemented one must answer, which the
        // query, refund and cancel checks call.
    }

    @Test
    void startAnswersInADeclaredPresentation() {
        PaymentIntent intent = intent().build();
        PaymentInstructions instructions = started(intent);
        assertTrue(metadata().values(ProviderDescription.PRESENTATIONS).contains(instructions.kind().name()),
                "start answered " + instructions.kind() + ", not one of the declared presentations "
                        + metadata().values(ProviderDescription.PRESENTATIONS));
    }

    @Test
    void startingTheSameIntentTwiceOpensOnePayment() {
        PaymentIntent intent = intent().build();
        PaymentInstructions first = started(intent);
        PaymentInstructions again = started(intent);
        assertEquals(first.kind(), again.kind(), "the kind of the second start");
        assertEquals(first.providerReference(), again.providerReference(), "the provider reference of the second start");
        assertEquals(first.qrPayload(), again.qrPayload(), "the QR payload of the second start");
        assertEquals(first.redirectUrl(), again.redirectUrl(), "the redirect of the second start");
        assertEquals(first.bankTransfer(), again.bankTransfer(), "the bank transfer of the second start");
    }

    @Test
    void hostileIntentsAreAnsweredOrFailTyped() {
        PaymentIntent usual = intent().build();
        String currency = usual.amount().currency();
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(Money.scaleOf(currency));
        List<PaymentIntent> hostile = new ArrayList<>();
        for (String description : new String[] { null, "", " ", "x".repeat(1000), "<script>alert(1)</script>",
                "发票 INV-2026-000001", "INV\u0000001", "'; drop table payment_intent; --" }) {
            hostile.add(intent().description(description).build());
        }
        hostile.add(intent().amount(Money.of(smallest, currency)).build());
        hostile.add(intent().amount(Money.of(new BigDecimal("99999999"), currency)).build());
        for (PaymentIntent intent : hostile) {
            Answer<PaymentInstructions> answer = call("start of an intent described '" + intent.description() + "' for "
                    + intent.amount(), () -> subject().start(context(), intent));
            answer.value().ifPresent(instructions -> assertTrue(metadata().values(ProviderDescription.PRESENTATIONS)
                    .contains(instructions.kind().name()), "start answered an undeclared " + instructions.kind()));
        }
    }

    @Test
    void aMissingOrUnreadableSettingIsATypedFailure() {
        PaymentIntent intent = intent().build();
        PaymentIntent started = pending(intent, started(intent));
        Optional<RawNotification> paid = paidNotification(context(), started);
        List<ProviderContext> broken = new ArrayList<>();
        broken.add(ProviderContextBuilder.from(context()).withoutSettings().build());
        for (String key : context().settings().keySet()) {
            broken.add(ProviderContextBuilder.from(context()).without(key).build());
            broken.add(ProviderContextBuilder.from(context()).setting(key, MANGLED).build());
        }
        for (ProviderContext context : broken) {
            String settings = "settings " + context.settings().keySet() + " (some unreadable)";
            call("start with " + settings, () -> subject().start(context, intent));
            paid.ifPresent(notification -> call("verify with " + settings,
                    () -> subject().verify(context, notification, KnownIntents.of(started))));
            if (subject() instanceof PaymentQuery query) {
                call("query with " + settings, () -> query.query(context, started));
            }
            if (subject() instanceof PaymentRefunds refunds) {
                PaymentIntent paidIntent = PaymentIntentBuilder.from(started).paid().build();
                call("refund with " + settings, () -> refunds.refund(context, paidIntent,
                        new RefundInstruction(UUID.randomUUID(), paidIntent.amount(), "conformance")));
            }
            if (subject() instanceof PaymentCancellation cancellation) {
                call("cancel with " + settings, () -> {
                    cancellation.cancel(context, started);
                    return null;
                });
            }
        }
    }

    @Test
    void aPaidNotificationReportsTheIntentsPayment() throws RejectedNotification {
        PaymentIntent started = startedIntent();
        RawNotification paid = genuine(started);
        VerifiedNotification verified = verify(paid, KnownIntents.of(started));
        assertEquals(started.id(), verified.report().intentId(), "the report's intent");
        assertEquals(ProviderOutcome.SUCCEEDED, verified.report().outcome(), "the report's outcome");
        assertEquals(started.amount(), verified.report().amount(), "the amount paid");
        assertFalse(verified.acknowledgement().isEmpty(), "the acknowledgement the channel expects");
    }

    @Test
    void aDuplicateNotificationVerifiesToTheSameReport() throws RejectedNotification {
        PaymentIntent started = startedIntent();
        RawNotification paid = genuine(started);
        VerifiedNotification first = verify(paid, KnownIntents.of(started));
        // The core applies the same report twice as once; a provider that keeps no state answers it the same way,
        // also from another instance (after a restart, or on another node).
        assertEquals(first, verify(paid, KnownIntents.of(started)), "the same notification verified again");
        assertEquals(first, provider().verify(context(), paid, KnownIntents.of(started)),
                "the same notification verified by another instance of the provider");
    }

    @Test
    void aForgedNotificationIsRejectedAsABadSignature() {
        PaymentIntent started = startedIntent();
        genuine(started);
        RawNotification forged = forgedNotification(context(), started).orElseThrow(() -> new AssertionError(
                "paidNotification gives a notification, forgedNotification none"));
        assertRejected(RejectedNotification.Reason.BAD_SIGNATURE, forged, KnownIntents.of(started), "a forged notification");
    }

    @Test
    void aNotificationForAnIntentTheTenantDoesNotHaveIsRejected() {
        PaymentIntent started = startedIntent();
        assertRejected(RejectedNotification.Reason.UNKNOWN_INTENT, genuine(started), KnownIntents.none(),
                "a notification for an intent this tenant does not have");
    }

    @Test
    void aNotificationForAnotherAmountThanTheIntentsIsRejected() {
        PaymentIntent started = startedIntent();
        RawNotification paid = genuine(started);
        Money more = Money.of(started.amount().amount().add(BigDecimal.ONE.movePointLeft(
                Money.scaleOf(started.amount().currency()))), started.amount().currency());
        PaymentIntent other = PaymentIntentBuilder.from(started).amount(more).build();
        assertRejected(RejectedNotification.Reason.MISMATCH, paid, KnownIntents.of(other),
                "a notification of " + started.amount() + " for an intent of " + more);
    }

    @Test
    void mangledNotificationsAreRejectedNeverThrown() {
        PaymentIntent intent = intent().build();
        PaymentIntent started = pending(intent, started(intent));
        Optional<RawNotification> paid = paidNotification(context(), started);
        Optional<VerifiedNotification> genuine = paid.flatMap(notification -> call("verify of the genuine notification",
                () -> subject().verify(context(), notification, KnownIntents.of(started))).value());
        Map<String, RawNotification> mangled = new LinkedHashMap<>();
        mangled.put("an empty notification", RawNotificationBuilder.post().build());
        mangled.put("a text", RawNotificationBuilder.post().body("not a notification").build());
        mangled.put("JSON {}", RawNotificationBuilder.post().json("{}").build());
        mangled.put("a form naming the intent", RawNotificationBuilder.post().form(Map.of("intent", started.id().toString(),
                "status", "paid", "out_trade_no", started.id().toString())).build());
        mangled.put("a megabyte", RawNotificationBuilder.post().body("a".repeat(1 << 20)).build());
        paid.ifPresent(notification -> {
            byte[] body = notification.body();
            mangled.put("the genuine one cut in half", RawNotificationBuilder.from(notification)
                    .body(Arrays.copyOf(body, body.length / 2)).build());
            mangled.put("the genuine one with a field added", RawNotificationBuilder.from(notification)
                    .body(notification.bodyText() + "&amount=0.01").build());
            mangled.put("the genuine one with bytes that are not UTF-8", RawNotificationBuilder.from(notification)
                    .body(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, 0x00 }).build());
            mangled.put("the genuine body without headers", RawNotificationBuilder.from(notification).withoutHeaders().build());
            RawNotificationBuilder garbledHeaders = RawNotificationBuilder.from(notification).withoutHeaders();
            notification.headers().keySet().forEach(name -> garbledHeaders.header(name, MANGLED));
            mangled.put("the genuine body with garbled headers", garbledHeaders.build());
        });
        mangled.forEach((what, notification) -> call("verify of " + what,
                () -> subject().verify(context(), notification, KnownIntents.of(started))).value()
                .ifPresent(verified -> assertEquals(genuine.orElse(null), verified,
                        what + " was trusted, and does not report what the genuine notification does")));
    }

    @Test
    void queryAnswersAboutTheStartedAndThePaidIntent() throws ProviderFailure {
        assumeTrue(subject() instanceof PaymentQuery, "the provider does not implement PaymentQuery");
        PaymentQuery query = (PaymentQuery) subject();
        PaymentIntent started = startedIntent();
        ProviderReport before = answered("query of a started intent", () -> query.query(context(), started));
        assertEquals(started.id(), before.intentId(), "the report's intent");
        assertTrue(Set.of(ProviderOutcome.PENDING, ProviderOutcome.UNKNOWN).contains(before.outcome()),
                "a started, unpaid intent is reported " + before.outcome());
        pay(context(), started);
        ProviderReport after = answered("query of a paid intent", () -> query.query(context(), started));
        assertEquals(ProviderOutcome.SUCCEEDED, after.outcome(), "the paid intent's outcome (override pay())");
        assertEquals(started.amount(), after.amount(), "the amount paid");
        assertEquals(after, query.query(context(), started), "the same query again");
    }

    @Test
    void theSameRefundTwiceRefundsOnce() {
        assumeTrue(subject() instanceof PaymentRefunds, "the provider does not implement PaymentRefunds");
        PaymentRefunds refunds = (PaymentRefunds) subject();
        PaymentIntent started = startedIntent();
        pay(context(), started);
        PaymentIntent paid = PaymentIntentBuilder.from(started).paid().build();
        Money whole = paid.amount();
        List<Money> parts = new ArrayList<>();
        if (metadata().partialRefunds()) {
            BigDecimal half = whole.amount().divide(BigDecimal.valueOf(2), Money.scaleOf(whole.currency()), RoundingMode.DOWN);
            parts.add(Money.of(half, whole.currency()));
            parts.add(Money.of(whole.amount().subtract(half), whole.currency()));
        } else {
            parts.add(whole);
        }
        for (Money part : parts) {
            RefundInstruction refund = new RefundInstruction(UUID.randomUUID(), part, "conformance: refund " + part);
            RefundReport first = answered("refund of " + part, () -> refunds.refund(context(), paid, refund));
            assertNotEquals(RefundOutcome.FAILED, first.outcome(), "a refund of " + part + " of a paid " + whole
                    + " failed: " + first.detail());
            RefundReport again = answered("the same refund again", () -> refunds.refund(context(), paid, refund));
            assertNotEquals(RefundOutcome.FAILED, again.outcome(), "the same refund asked again failed: " + again.detail());
            assertEquals(first.providerReference(), again.providerReference(), "the channel's id of the same refund");
            RefundReport status = answered("refundStatus", () -> refunds.refundStatus(context(), paid, refund));
            assertNotEquals(RefundOutcome.FAILED, status.outcome(), "refundStatus of a refund taken: " + status.detail());
        }
        refundedAtChannel(context(), paid).ifPresent(refunded -> assertEquals(0, whole.compareTo(refunded),
                "the channel paid back " + refunded + " for refunds of " + parts + ", each asked twice"));
    }

    @Test
    void cancellingTwiceOrWhatWasNeverStartedIsNoFailure() {
        assumeTrue(subject() instanceof PaymentCancellation, "the provider does not implement PaymentCancellation");
        PaymentCancellation cancellation = (PaymentCancellation) subject();
        PaymentIntent neverStarted = intent().build();
        answered("cancel of an intent never started", () -> {
            cancellation.cancel(context(), neverStarted);
            return neverStarted;
        });
        PaymentIntent started = startedIntent();
        for (String what : List.of("cancel of a started intent", "the same cancel again")) {
            answered(what, () -> {
                cancellation.cancel(context(), started);
                return started;
            });
        }
    }

    @Test
    void noSecretInAnythingTheProviderSays() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String key : secretSettings()) {
            String value = context().settings().get(key);
            assertTrue(value != null && value.length() >= 8, "secret setting " + key
                    + " must be in context() with a value of at least 8 characters, so that finding it is no accident");
            secrets.put(key, value);
        }
        said.add(String.valueOf(subject()));
        // Every check that can run adds what it was told to said; run them here on this instance.
        startingTheSameIntentTwiceOpensOnePayment();
        hostileIntentsAreAnsweredOrFailTyped();
        aMissingOrUnreadableSettingIsATypedFailure();
        mangledNotificationsAreRejectedNeverThrown();
        PaymentIntent started = startedIntent();
        forgedNotification(context(), started).ifPresent(forged -> call("verify of a forged notification",
                () -> subject().verify(context(), forged, KnownIntents.of(started))));
        if (subject() instanceof PaymentQuery query) {
            call("query", () -> query.query(context(), started));
        }
        if (subject() instanceof PaymentRefunds refunds) {
            PaymentIntent paid = PaymentIntentBuilder.from(started).paid().build();
            call("refund", () -> refunds.refund(context(), paid,
                    new RefundInstruction(UUID.randomUUID(), paid.amount(), "conformance")));
        }
        for (String text : said) {
            secrets.forEach((key, value) -> assertFalse(text.contains(value),
                    "the value of secret setting " + key + " appears in: " + text.replace(value, "<" + key + ">")));
        }
    }

    /** What the provider's component description says. */
    protected final ProviderMetadata metadata() {
        return ProviderMetadata.of(subject().getClass(), componentName());
    }

    /** The provider these checks call: one instance per check. */
    protected final PaymentProvider subject() {
        if (provider == null) {
            provider = provider();
        }
        return provider;
    }

    /** Starts the intent, which must succeed, and returns it as the core then holds it. */
    private PaymentIntent startedIntent() {
        PaymentIntent intent = intent().build();
        return pending(intent, started(intent));
    }

    private PaymentInstructions started(PaymentIntent intent) {
        return answered("start of " + intent.amount(), () -> subject().start(context(), intent));
    }

    private static PaymentIntent pending(PaymentIntent intent, PaymentInstructions instructions) {
        return PaymentIntentBuilder.from(intent).pending(instructions).build();
    }

    private RawNotification genuine(PaymentIntent started) {
        Optional<RawNotification> paid = paidNotification(context(), started);
        assumeTrue(paid.isPresent(), "the channel sends no notifications");
        return paid.get();
    }

    private VerifiedNotification verify(RawNotification notification, IntentLookup intents) {
        return answered("verify of a genuine notification", () -> subject().verify(context(), notification, intents));
    }

    private void assertRejected(RejectedNotification.Reason reason, RawNotification notification, IntentLookup intents,
            String what) {
        Answer<VerifiedNotification> answer = call("verify of " + what, () -> subject().verify(context(), notification, intents));
        answer.value().ifPresent(verified -> fail(what + " was trusted: " + verified));
        Exception failure = answer.failure().orElseThrow();
        assertTrue(failure instanceof RejectedNotification, what + " failed with " + failure + ", not a RejectedNotification");
        assertEquals(reason, ((RejectedNotification) failure).reason(), what + " was rejected as: " + failure.getMessage());
    }

    /** Calls the provider, which must answer without failing. */
    private <T> T answered(String what, Call<T> call) {
        Answer<T> answer = call(what, call);
        answer.failure().ifPresent(failure -> fail(what + " failed: " + failure
                + (failure instanceof ProviderFailure providerFailure ? " (" + providerFailure.kind() + ")" : ""), failure));
        return answer.value().orElse(null);
    }

    /**
     * Calls the provider, which must answer or fail typed: a RuntimeException or an Error is a bug the SPI's "Bugs"
     * rule only contains, never a contract. Records everything the provider said, for the secrets check.
     */
    private <T> Answer<T> call(String what, Call<T> call) {
        try {
            T value = call.call();
            said.add(String.valueOf(value));
            return new Answer<>(Optional.ofNullable(value), Optional.empty());
        } catch (ProviderFailure | RejectedNotification typed) {
            said.add(typed.toString());
            said.add(String.valueOf(typed.getMessage()));
            return new Answer<>(Optional.empty(), Optional.of(typed));
        } catch (Exception | Error untyped) {
            if (untyped instanceof VirtualMachineError error) {
                throw error;
            }
            return fail(what + " threw " + untyped + ": the SPI promises a ProviderFailure or a RejectedNotification", untyped);
        }
    }

    /** A call to the provider. */
    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    /** What a call answered, or how it failed typed. */
    private record Answer<T>(Optional<T> value, Optional<Exception> failure) {
    }
}
