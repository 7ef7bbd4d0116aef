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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;
import receivables.impl.provider.internal.TestProviders;

/**
 * A provider whose channel is this test: it signs notifications with HMAC-SHA256 under the tenant's secret
 * {@code notificationSecret}, and fails, throws, blocks or answers the next calls as the test scripts them.
 */
public final class ScriptedProvider implements PaymentProvider, PaymentQuery, PaymentRefunds, PaymentCancellation {

    static final Map<String, Object> DESCRIPTION = description("scripted", "WALLET_QR");

    final Deque<Exception> nextFailures = new ArrayDeque<>();
    final Deque<RefundReport> nextRefundAnswers = new ArrayDeque<>();
    final List<UUID> started = new ArrayList<>();
    final List<RefundInstruction> refunded = new ArrayList<>();
    final List<RefundInstruction> refundQueries = new ArrayList<>();
    volatile ProviderReport queryAnswer;
    /** When set, the next call waits for it, as a channel that does not answer. */
    volatile CountDownLatch hangUntil;
    volatile boolean interrupted;

    /** The service properties of a scripted provider named {@code id} offering {@code method}, e.g. for bank transfers. */
    public static Map<String, Object> description(String id, String method) {
        return TestProviders.description(id, new String[] { method }, new String[] { "EUR", "USD" },
                PaymentInstructions.Kind.QR_CODE, true);
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
        if (fields.containsKey("crash")) {
            throw new IllegalStateException("the provider's own bug");
        }
        return new VerifiedNotification(new ProviderReport(intentId, "T-" + intentId, outcome, amount,
                Instant.parse("2026-03-10T09:30:00Z")), "OK", "text/plain");
    }

    @Override
    public ProviderReport query(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        failIfScripted();
        return queryAnswer;
    }

    @Override
    public RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        failIfScripted();
        refunded.add(refund);
        RefundReport scripted = nextRefundAnswers.poll();
        return scripted != null ? scripted : RefundReport.succeeded("R-" + refund.refundId());
    }

    @Override
    public RefundReport refundStatus(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        failIfScripted();
        refundQueries.add(refund);
        RefundReport scripted = nextRefundAnswers.poll();
        return scripted != null ? scripted : RefundReport.pending("R-" + refund.refundId());
    }

    @Override
    public void cancel(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        failIfScripted();
    }

    private void failIfScripted() throws ProviderFailure {
        CountDownLatch hang = hangUntil;
        if (hang != null) {
            hangUntil = null;
            try {
                hang.await();
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
            }
        }
        Exception failure = nextFailures.poll();
        if (failure instanceof ProviderFailure providerFailure) {
            throw providerFailure;
        }
        if (failure instanceof RuntimeException bug) {
            throw bug;
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
