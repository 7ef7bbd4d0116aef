package receivables.payments.paylink.internal;

import java.util.Optional;
import java.util.Set;

import receivables.api.intent.PaymentIntent;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.RawNotification;
import receivables.testkit.ProviderConformance;
import receivables.testkit.ProviderContextBuilder;
import receivables.testkit.RawNotificationBuilder;

/** The README's example provider keeps what the SPI promises: the test kit's conformance suite. */
class PayLinkConformanceTest extends ProviderConformance {

    @Override
    protected PaymentProvider provider() {
        return new PayLinkProvider();
    }

    @Override
    protected ProviderContext context() {
        return ProviderContextBuilder.forProvider("paylink").setting("pageUrl", "https://pay.example/link")
                .setting("signingKey", "paylink-signing-key-of-acme").build();
    }

    @Override
    protected Set<String> secretSettings() {
        return Set.of("signingKey");
    }

    @Override
    protected Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(paid(started, context.settings().get("signingKey")));
    }

    @Override
    protected Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(paid(started, "a-key-the-forger-guessed"));
    }

    /** What the hosted page posts once the payer paid. */
    private static RawNotification paid(PaymentIntent intent, String key) {
        String body = "intent=" + intent.id() + "&status=paid&amount=" + intent.amount().amount().toPlainString()
                + "&currency=" + intent.amount().currency() + "&paid_at=2026-03-10T10:00:00Z&reference=PL-4711";
        return RawNotificationBuilder.post().header("Content-Type", "application/x-www-form-urlencoded")
                .header(PayLinkProvider.SIGNATURE_HEADER, PayLinkProvider.sign(key, body)).body(body).build();
    }
}
