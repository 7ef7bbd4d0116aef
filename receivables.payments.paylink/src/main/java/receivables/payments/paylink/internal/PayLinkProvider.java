package receivables.payments.paylink.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Component;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;

/**
 * Pay by link: the payer opens a hosted page at {@code pageUrl?intent=..&amount=..&currency=..&notify=..&sig=..};
 * the page reports back with a form {@code intent, status (paid|failed), amount, currency, paid_at, reference} and
 * the header {@code X-Paylink-Signature}: hex HMAC-SHA256 of the body under the tenant's secret {@code signingKey}.
 *
 * <p>The whole of a provider: a DS component described by {@link ProviderDescription} (what the core lists and
 * checks, without calling it), implementing {@link PaymentProvider} only. A link cannot be asked about, refunded
 * or closed, so it implements none of {@code PaymentQuery}, {@code PaymentRefunds} or
 * {@code PaymentCancellation}: the core then settles its intents by notification or expiry, refuses refunds, and
 * cancels without calling it.
 */
@Component
@ProviderDescription(id = "paylink", name = "Pay by link", methods = "PAYLINK",
        currencies = { "EUR", "USD", "GBP", "CHF" }, presentations = PaymentInstructions.Kind.REDIRECT)
public class PayLinkProvider implements PaymentProvider {

    static final String SIGNATURE_HEADER = "X-Paylink-Signature";

    /** A tenant's settings: {@code settings=["pageUrl=..."]} and {@code secrets=["signingKey=..."]} in its account. */
    public interface Settings {
        /** The hosted page, e.g. {@code https://pay.example/link}. */
        String pageUrl();

        /** The secret both sides sign with. */
        String signingKey();
    }

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        String query = "intent=" + intent.id() + "&amount=" + intent.amount().amount().toPlainString()
                + "&currency=" + intent.amount().currency()
                + "&notify=" + URLEncoder.encode(context.notificationUrl().toString(), StandardCharsets.UTF_8);
        Settings settings = context.settings(Settings.class);
        try {
            return PaymentInstructions.redirect(null, new URI(settings.pageUrl() + "?" + query + "&sig="
                    + sign(settings.signingKey(), query)), null);
        } catch (URISyntaxException e) {
            // Final until the tenant's account is fixed; retrying would only fail the same way.
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting pageUrl of tenant "
                    + context.tenant().value() + " is not a URL");
        }
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        String body = notification.bodyText();
        String signature = notification.header(SIGNATURE_HEADER).orElseThrow(() -> new RejectedNotification(
                RejectedNotification.Reason.BAD_SIGNATURE, "no " + SIGNATURE_HEADER + " header"));
        String key;
        try {
            key = context.settings(Settings.class).signingKey();
        } catch (ProviderFailure notConfigured) {
            throw new RejectedNotification(RejectedNotification.Reason.UNKNOWN_INTENT, notConfigured.getMessage());
        }
        if (!MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8), sign(key, body).getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedNotification(RejectedNotification.Reason.BAD_SIGNATURE, "signature does not verify");
        }
        Map<String, String> form = form(body);
        PaymentIntent intent;
        try {
            intent = intents.byId(UUID.fromString(form.getOrDefault("intent", ""))).orElseThrow(() -> new RejectedNotification(
                    RejectedNotification.Reason.UNKNOWN_INTENT, "no intent " + form.get("intent")));
        } catch (IllegalArgumentException e) {
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "intent is not an id");
        }
        ProviderOutcome outcome = switch (form.getOrDefault("status", "")) {
            case "paid" -> ProviderOutcome.SUCCEEDED;
            case "failed" -> ProviderOutcome.FAILED;
            default -> throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "status must be paid or failed");
        };
        Money amount = null;
        if (outcome == ProviderOutcome.SUCCEEDED) {
            try {
                amount = Money.of(form.getOrDefault("amount", ""), form.getOrDefault("currency", ""));
            } catch (RuntimeException e) {
                throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "amount and currency are required");
            }
            if (!amount.equals(intent.amount())) {
                throw new RejectedNotification(RejectedNotification.Reason.MISMATCH, "paid " + amount + ", asked "
                        + intent.amount());
            }
        }
        Instant paidAt;
        try {
            paidAt = form.containsKey("paid_at") ? Instant.parse(form.get("paid_at")) : null;
        } catch (DateTimeParseException e) {
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "paid_at is not an instant");
        }
        return new VerifiedNotification(new ProviderReport(intent.id(), form.get("reference"), outcome, amount, paidAt),
                "ok", "text/plain");
    }

    static String sign(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Map<String, String> form(String body) throws RejectedNotification {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "not a form");
            }
            try {
                fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "not a form: " + e.getMessage());
            }
        }
        return fields;
    }
}
