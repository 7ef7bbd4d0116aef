package receivables.impl.intent.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import receivables.api.intent.PaymentIntent;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;
import receivables.impl.provider.internal.TestProviders;

/** A provider that implements nothing beyond {@link PaymentProvider}: it starts payments and reads notifications. */
final class PlainProvider implements PaymentProvider {

    static final Map<String, Object> DESCRIPTION = TestProviders.description("plain", new String[] { "LINK" },
            new String[] { "EUR" }, PaymentInstructions.Kind.REDIRECT, false);

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean answerWithQrCode;

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) {
        calls.add("start");
        return answerWithQrCode ? PaymentInstructions.qrCode(null, "plain://" + intent.id(), null)
                : PaymentInstructions.redirect(null, URI.create("https://pay.example/" + intent.id()), null);
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        PaymentIntent intent = intents.byId(UUID.fromString(notification.bodyText())).orElseThrow(
                () -> new RejectedNotification(RejectedNotification.Reason.UNKNOWN_INTENT, "unknown"));
        return new VerifiedNotification(new ProviderReport(intent.id(), null, ProviderOutcome.SUCCEEDED, intent.amount(),
                Instant.parse("2026-03-11T08:00:00Z")), "ok", null);
    }

    /** The channel's word that the intent was paid in full. */
    static RawNotification paid(PaymentIntent intent) {
        return new RawNotification("POST", Map.of(), Map.of(), intent.id().toString().getBytes(StandardCharsets.UTF_8));
    }
}
