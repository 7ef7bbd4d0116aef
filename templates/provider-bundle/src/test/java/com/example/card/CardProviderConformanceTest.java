package com.example.card;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.RawNotification;
import receivables.testkit.ProviderConformance;
import receivables.testkit.ProviderContextBuilder;
import receivables.testkit.RawNotificationBuilder;

/**
 * The card provider keeps what the receivables SPI promises: the test kit's conformance suite, against the
 * acquirer emulator. Keep this test when you replace the card acquirer with your channel: say how to reach your
 * channel's sandbox, which settings are secrets, and how your channel signs a notification.
 */
class CardProviderConformanceTest extends ProviderConformance {

    private static final String API_KEY = "sk_test_card_api_key_of_acme";
    private static final String WEBHOOK_SECRET = "whsec_card_webhook_secret_of_acme";

    private AcquirerEmulator acquirer;

    @BeforeEach
    void startAcquirer() throws IOException {
        acquirer = new AcquirerEmulator(API_KEY);
    }

    @AfterEach
    void stopAcquirer() {
        acquirer.close();
    }

    @Override
    protected PaymentProvider provider() {
        return new CardProvider();
    }

    @Override
    protected ProviderContext context() {
        return ProviderContextBuilder.forProvider("card").setting("apiUrl", acquirer.apiUrl().toString())
                .setting("merchantId", "acme-4711").setting("apiKey", API_KEY)
                .setting("webhookSecret", WEBHOOK_SECRET).build();
    }

    @Override
    protected Set<String> secretSettings() {
        return Set.of("apiKey", "webhookSecret");
    }

    @Override
    protected Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(notification(started, WEBHOOK_SECRET));
    }

    @Override
    protected Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(notification(started, "whsec_a_secret_the_forger_guessed"));
    }

    @Override
    protected Optional<Money> refundedAtChannel(ProviderContext context, PaymentIntent intent) {
        AcquirerEmulator.Checkout checkout = acquirer.checkout(intent.id().toString());
        return Optional.of(Money.of(checkout.refunded(), checkout.currency()));
    }

    private RawNotification notification(PaymentIntent started, String secret) {
        String body = acquirer.paidNotification(started.id().toString());
        return RawNotificationBuilder.post().header("Content-Type", "application/x-www-form-urlencoded")
                .header(CardProvider.SIGNATURE_HEADER, AcquirerEmulator.signatureHeader(secret, body)).body(body).build();
    }
}
