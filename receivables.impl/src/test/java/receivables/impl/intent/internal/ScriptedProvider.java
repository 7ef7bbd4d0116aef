package receivables.impl.intent.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderCapability;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;

/**
 * A provider whose channel is this test: it signs notifications with HMAC-SHA256 under the tenant's secret
 * {@code notificationSecret}, and fails the next calls as the test scripts them.
 */
public final class ScriptedProvider implements PaymentProvider {

    private final String id;
    private final String method;

    final Deque<ProviderFailure> nextFailures = new ArrayDeque<>();
    final List<UUID> started = new ArrayList<>();
    final List<RefundInstruction> refunded = new ArrayList<>();
    volatile ProviderReport queryAnswer;

    ScriptedProvider() {
        this("scripted", "WALLET_QR");
    }

    /** A provider named {@code id} offering {@code method}, e.g. one that stands in for bank transfers. */
    public ScriptedProvider(String id, String method) {
        this.id = id;
        this.method = method;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return "Scripted test channel";
    }

    @Override
    public Set<String> methods() {
        return Set.of(method);
    }

    @Override
    public Set<String> currencies() {
        return Set.of("EUR", "USD");
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return Set.of(ProviderCapability.QR, ProviderCapability.QUERY, ProviderCapability.REFUND,
                ProviderCapability.PARTIAL_REFUND, ProviderCapability.CANCEL);
    }

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        failIfScripted();
        started.add(intent.id());
        return PaymentInstructions.qrCode("T-" + intent.id(), "scripted://pay/" + intent.id() + "?amount="
                + intent.amount().amount().toPlainString(), null);
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : notification.bodyText().split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "not a form");
            }
            fields.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        String signature = fields.remove("signature");
        String signed = notification.bodyText().replaceFirst("&signature=.*$", "");
        if (signature == null || !signature.equals(sign(context.settings().get("notificationSecret"), signed))) {
            throw new RejectedNotification(RejectedNotification.Reason.BAD_SIGNATURE, "signature does not verify");
        }
        UUID intentId = UUID.fromString(fields.get("intent"));
        PaymentIntent intent = intents.byId(intentId).orElseThrow(() -> new RejectedNotification(
                RejectedNotification.Reason.UNKNOWN_INTENT, "no intent " + intentId));
        ProviderOutcome outcome = ProviderOutcome.valueOf(fields.get("outcome"));
        Money amount = fields.containsKey("amount") ? Money.of(fields.get("amount"), intent.amount().currency()) : null;
        return new VerifiedNotification(new ProviderReport(intentId, "T-" + intentId, outcome, amount,
                Instant.parse("2026-03-10T09:30:00Z"), "payer-1"), "OK", "text/plain");
    }

    @Override
    public ProviderReport query(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        failIfScripted();
        return queryAnswer;
    }

    @Override
    public String refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund) throws ProviderFailure {
        failIfScripted();
        refunded.add(refund);
        return "R-" + refund.refundId();
    }

    @Override
    public void cancel(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        failIfScripted();
    }

    private void failIfScripted() throws ProviderFailure {
        ProviderFailure failure = nextFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    /** A notification as the channel would send it. */
    static RawNotification notification(String secret, String body) {
        return new RawNotification("POST", Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), Map.of(),
                (body + "&signature=" + sign(secret, body)).getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
