package receivables.testkit;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
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

/**
 * A small provider for checking the suite itself: a signed link, notifications {@code intent=..&amount=..&currency=..}
 * signed with HMAC-SHA256 in {@code X-Signature}, refunds kept by a {@link Channel} by refund id. Each {@link Flaw}
 * breaks one promise of the SPI, so that the suite's check of it must fail.
 */
class SignedLinkProvider implements PaymentProvider, PaymentRefunds {

    enum Flaw {
        TRUSTS_FORGERIES, THROWS_ON_A_BAD_SETTING, REFUNDS_TWICE, SAYS_ITS_SECRET, IGNORES_THE_AMOUNT
    }

    /** What the channel holds: money paid back, by refund id. */
    static final class Channel {
        final Map<UUID, Money> refunds = new ConcurrentHashMap<>();
    }

    public interface Settings {
        String pageUrl();

        String signingKey();
    }

    private final Channel channel;
    private final Set<Flaw> flaws;

    SignedLinkProvider(Channel channel, Set<Flaw> flaws) {
        this.channel = channel;
        this.flaws = flaws;
    }

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        Settings settings = context.settings(Settings.class);
        if (flaws.contains(Flaw.SAYS_ITS_SECRET) && !settings.pageUrl().startsWith("https://")) {
            throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "bad page for key " + settings.signingKey());
        }
        URI page;
        if (flaws.contains(Flaw.THROWS_ON_A_BAD_SETTING)) {
            page = URI.create(settings.pageUrl());
        } else {
            try {
                page = new URI(settings.pageUrl());
            } catch (URISyntaxException e) {
                throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting pageUrl is not a URL");
            }
        }
        return PaymentInstructions.redirect(null, page.resolve("?intent=" + intent.id()), null);
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        String key;
        try {
            key = context.settings(Settings.class).signingKey();
        } catch (ProviderFailure e) {
            throw new RejectedNotification(RejectedNotification.Reason.BAD_SIGNATURE, e.getMessage());
        }
        String signature = notification.header("X-Signature").orElse("");
        if (!flaws.contains(Flaw.TRUSTS_FORGERIES) && !MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                sign(key, notification.bodyText()).getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedNotification(RejectedNotification.Reason.BAD_SIGNATURE, "signature does not verify");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : notification.bodyText().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        PaymentIntent intent;
        Money amount;
        try {
            intent = intents.byId(UUID.fromString(fields.getOrDefault("intent", ""))).orElseThrow(() ->
                    new RejectedNotification(RejectedNotification.Reason.UNKNOWN_INTENT, "no such intent"));
            amount = Money.of(new BigDecimal(fields.getOrDefault("amount", "")), fields.getOrDefault("currency", ""));
        } catch (IllegalArgumentException e) {
            throw new RejectedNotification(RejectedNotification.Reason.MALFORMED, "not a notification");
        }
        if (!flaws.contains(Flaw.IGNORES_THE_AMOUNT) && !amount.equals(intent.amount())) {
            throw new RejectedNotification(RejectedNotification.Reason.MISMATCH, "paid " + amount);
        }
        return new VerifiedNotification(new ProviderReport(intent.id(), null, ProviderOutcome.SUCCEEDED, amount, null),
                "ok", null);
    }

    @Override
    public RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        context.settings(Settings.class);
        UUID key = flaws.contains(Flaw.REFUNDS_TWICE) ? UUID.randomUUID() : refund.refundId();
        channel.refunds.putIfAbsent(key, refund.amount());
        return RefundReport.succeeded(refund.refundId().toString());
    }

    static String sign(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
