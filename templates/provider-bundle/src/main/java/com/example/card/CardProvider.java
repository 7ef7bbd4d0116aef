package com.example.card;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Component;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderFailure.Kind;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.RejectedNotification.Reason;
import receivables.api.provider.VerifiedNotification;

/**
 * Card payments on an acquirer's hosted checkout, with full and partial refunds.
 *
 * <h2>The acquirer's API</h2>
 * Form-encoded requests to the tenant's {@code apiUrl}, authenticated with {@code Authorization: Bearer <apiKey>}
 * and made idempotent with {@code Idempotency-Key} (the same key again answers the first answer):
 * <ul>
 * <li>{@code POST /checkouts} {@code merchant, order, amount, currency, description, notify_url}, key the intent's
 * id: answers {@code id} (the checkout) and {@code url}, the page where the payer enters the card.</li>
 * <li>{@code POST /refunds} {@code merchant, order, amount, currency, reason}, key the refund's id: answers
 * {@code id} and {@code status} ({@code succeeded}, {@code pending}, {@code failed}) with an optional
 * {@code detail}.</li>
 * </ul>
 * HTTP 402 is a refusal ({@link Kind#DECLINED}), 429 and 5xx or no connection mean nothing happened
 * ({@link Kind#UNAVAILABLE}), other 4xx are a wrong request or wrong settings ({@link Kind#INVALID_REQUEST}), and
 * no answer in time after sending may have taken effect ({@link Kind#UNKNOWN_OUTCOME}).
 *
 * <h2>Notifications</h2>
 * The acquirer posts a form {@code event} ({@code checkout.paid}, {@code checkout.failed}), {@code merchant},
 * {@code checkout}, {@code order}, {@code amount}, {@code currency}, {@code paid_at} to the notification address,
 * with the header {@code Card-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under webhookSecret>}.
 * A replay of a genuine notification verifies again: the core applies the same report once.
 */
@Component(service = PaymentProvider.class)
@ProviderDescription(id = "card", name = "Card", methods = "CARD", currencies = { "EUR", "USD", "GBP" },
        presentations = PaymentInstructions.Kind.REDIRECT, partialRefunds = true)
public class CardProvider implements PaymentProvider, PaymentRefunds {

    static final String SIGNATURE_HEADER = "Card-Signature";

    /** A tenant's acquirer account: {@code apiUrl} and {@code merchantId} settings, {@code apiKey} and {@code webhookSecret} secrets. */
    public interface Settings {
        String apiUrl();

        String merchantId();

        String apiKey();

        /** Below the core's provider call timeout (25 s), so that the acquirer's answer arrives before it. */
        default long requestTimeoutMillis() {
            return 15_000;
        }
    }

    /** What the notification check needs, without the API's settings. */
    public interface NotificationSettings {
        String merchantId();

        String webhookSecret();
    }

    // A connection pool, not payment state: the provider keeps none.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        Settings settings = context.settings(Settings.class);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("merchant", settings.merchantId());
        form.put("order", intent.id().toString());
        form.put("amount", intent.amount().amount().toPlainString());
        form.put("currency", intent.amount().currency());
        form.put("description", intent.description() == null ? intent.id().toString() : intent.description());
        form.put("notify_url", context.notificationUrl().toString());
        Map<String, String> answer = post(settings, "checkouts", intent.id(), form);
        try {
            return PaymentInstructions.redirect(required(answer, "id"), new URI(required(answer, "url")), null);
        } catch (URISyntaxException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "the acquirer's checkout url is not a URL");
        }
    }

    @Override
    public RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        Settings settings = context.settings(Settings.class);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("merchant", settings.merchantId());
        form.put("order", intent.id().toString());
        form.put("amount", refund.amount().amount().toPlainString());
        form.put("currency", refund.amount().currency());
        form.put("reason", refund.reason() == null ? "" : refund.reason());
        Map<String, String> answer = post(settings, "refunds", refund.refundId(), form);
        String id = required(answer, "id");
        return switch (answer.getOrDefault("status", "")) {
            case "succeeded" -> RefundReport.succeeded(id);
            case "pending" -> RefundReport.pending(id);
            case "failed" -> RefundReport.failed(id, answer.get("detail"));
            default -> throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "the acquirer answered refund status '"
                    + answer.get("status") + "'");
        };
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        NotificationSettings settings;
        try {
            settings = context.settings(NotificationSettings.class);
        } catch (ProviderFailure notConfigured) {
            throw new RejectedNotification(Reason.BAD_SIGNATURE, "cannot check the signature: " + notConfigured.getMessage());
        }
        String body = notification.bodyText();
        checkSignature(notification.header(SIGNATURE_HEADER).orElse(""), body, settings.webhookSecret());
        Map<String, String> form = form(body);
        if (!settings.merchantId().equals(form.get("merchant"))) {
            throw new RejectedNotification(Reason.MISMATCH, "the notification is for another merchant");
        }
        PaymentIntent intent = intent(form, intents);
        ProviderOutcome outcome = switch (form.getOrDefault("event", "")) {
            case "checkout.paid" -> ProviderOutcome.SUCCEEDED;
            case "checkout.failed" -> ProviderOutcome.FAILED;
            default -> throw new RejectedNotification(Reason.MALFORMED, "unknown event '" + form.get("event") + "'");
        };
        Money amount;
        Instant paidAt;
        try {
            amount = Money.of(form.getOrDefault("amount", ""), form.getOrDefault("currency", ""));
            paidAt = form.containsKey("paid_at") ? Instant.parse(form.get("paid_at")) : null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RejectedNotification(Reason.MALFORMED, "amount, currency or paid_at cannot be read");
        }
        if (!amount.equals(intent.amount())) {
            throw new RejectedNotification(Reason.MISMATCH, "the notification reports " + amount + " for an intent of "
                    + intent.amount());
        }
        return new VerifiedNotification(new ProviderReport(intent.id(), form.get("checkout"), outcome,
                outcome == ProviderOutcome.SUCCEEDED ? amount : null, paidAt), "ok", "text/plain");
    }

    /** The hex HMAC-SHA256 the acquirer signs {@code t.body} with. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void checkSignature(String header, String body, String secret) throws RejectedNotification {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        String timestamp = parts.get("t");
        String given = parts.get("v1");
        if (timestamp == null || given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                signature(secret, timestamp, body).getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedNotification(Reason.BAD_SIGNATURE, "no valid " + SIGNATURE_HEADER + " header");
        }
    }

    private static PaymentIntent intent(Map<String, String> form, IntentLookup intents) throws RejectedNotification {
        Optional<PaymentIntent> intent;
        try {
            intent = intents.byId(UUID.fromString(form.getOrDefault("order", "")));
        } catch (IllegalArgumentException notAnId) {
            intent = Optional.empty();
        }
        if (intent.isEmpty() && form.containsKey("checkout")) {
            intent = intents.byProviderReference(form.get("checkout"));
        }
        return intent.orElseThrow(() -> new RejectedNotification(Reason.UNKNOWN_INTENT, "no intent for order "
                + form.get("order")));
    }

    private Map<String, String> post(Settings settings, String path, UUID idempotencyKey, Map<String, String> form)
            throws ProviderFailure {
        URI url;
        try {
            url = new URI(settings.apiUrl().endsWith("/") ? settings.apiUrl() + path : settings.apiUrl() + "/" + path);
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new URISyntaxException(settings.apiUrl(), "not http or https");
            }
        } catch (URISyntaxException e) {
            throw new ProviderFailure(Kind.INVALID_REQUEST, "setting apiUrl is not an http or https URL");
        }
        if (settings.requestTimeoutMillis() <= 0) {
            throw new ProviderFailure(Kind.INVALID_REQUEST, "setting requestTimeoutMillis must be positive");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(settings.requestTimeoutMillis()))
                    .header("Authorization", "Bearer " + settings.apiKey())
                    .header("Idempotency-Key", idempotencyKey.toString())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        } catch (IllegalArgumentException e) {
            // A header value with a line break: never echo it, it may be the key.
            throw new ProviderFailure(Kind.INVALID_REQUEST, "setting apiKey cannot be sent as a header");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderFailure(Kind.UNAVAILABLE, "the acquirer cannot be reached", e);
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "the acquirer did not answer in time", e);
        } catch (IOException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "the connection to the acquirer broke", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "interrupted while waiting for the acquirer", e);
        }
        int status = response.statusCode();
        String problem = path + " answered HTTP " + status;
        if (status == 402) {
            throw new ProviderFailure(Kind.DECLINED, problem);
        }
        if (status == 429 || status >= 500) {
            throw new ProviderFailure(Kind.UNAVAILABLE, problem);
        }
        if (status != 200) {
            throw new ProviderFailure(Kind.INVALID_REQUEST, problem);
        }
        try {
            return form(response.body());
        } catch (RejectedNotification e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, path + " answered what is not a form");
        }
    }

    private static String required(Map<String, String> answer, String field) throws ProviderFailure {
        String value = answer.get(field);
        if (value == null || value.isBlank()) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "the acquirer's answer has no " + field);
        }
        return value;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A form-encoded body; a field twice is refused, since the signed value and the one read could differ. */
    static Map<String, String> form(String body) throws RejectedNotification {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new RejectedNotification(Reason.MALFORMED, "not a form");
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                if (fields.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
                    throw new RejectedNotification(Reason.MALFORMED, "the form has " + name + " twice");
                }
            } catch (IllegalArgumentException e) {
                throw new RejectedNotification(Reason.MALFORMED, "not a form: " + e.getMessage());
            }
        }
        return fields;
    }
}
