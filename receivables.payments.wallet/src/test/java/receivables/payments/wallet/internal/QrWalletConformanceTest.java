package receivables.payments.wallet.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.RawNotification;
import receivables.payments.wallet.emulator.WalletGatewayEmulator;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Delivery;
import receivables.testkit.ProviderConformance;
import receivables.testkit.ProviderContextBuilder;
import receivables.testkit.RawNotificationBuilder;

/** The QR wallet keeps what the SPI promises, against the gateway emulator: the test kit's conformance suite. */
class QrWalletConformanceTest extends ProviderConformance {

    private static final String APP_ID = "2026000000000042";
    private static KeyPair merchant;

    private WalletGatewayEmulator gateway;

    @BeforeAll
    static void merchantKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        merchant = generator.generateKeyPair();
    }

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new WalletGatewayEmulator(APP_ID, merchant.getPublic());
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Override
    protected PaymentProvider provider() {
        QrWalletProvider provider = new QrWalletProvider();
        provider.activate(new WalletConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WalletConfiguration.class;
            }

            @Override
            public String[] receivables_provider_currencies() {
                return new String[] { "CNY", "EUR", "USD" };
            }
        });
        return provider;
    }

    @Override
    protected ProviderContext context() {
        return ProviderContextBuilder.forProvider(QrWalletProvider.ID)
                .setting(WalletAccount.GATEWAY_URL, gateway.gatewayUrl().toString())
                .setting(WalletAccount.APP_ID, APP_ID)
                .setting(WalletAccount.MERCHANT_PRIVATE_KEY, Base64.getEncoder().encodeToString(merchant.getPrivate().getEncoded()))
                .setting(WalletAccount.GATEWAY_PUBLIC_KEY, gateway.publicKey())
                .setting(WalletAccount.CONNECT_TIMEOUT, "5000")
                .setting(WalletAccount.REQUEST_TIMEOUT, "10000").build();
    }

    @Override
    protected Set<String> secretSettings() {
        return Set.of(WalletAccount.MERCHANT_PRIVATE_KEY);
    }

    @Override
    protected Optional<RawNotification> paidNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(notification(gateway.notification(started.id().toString(), Delivery.once())));
    }

    @Override
    protected Optional<RawNotification> forgedNotification(ProviderContext context, PaymentIntent started) {
        return Optional.of(notification(gateway.notification(started.id().toString(), Delivery.once().withWrongSignature())));
    }

    @Override
    protected void pay(ProviderContext context, PaymentIntent started) {
        gateway.pay(started.id().toString(), "2088000000000001", Delivery.none());
    }

    @Override
    protected Optional<Money> refundedAtChannel(ProviderContext context, PaymentIntent intent) {
        WalletGatewayEmulator.Trade trade = gateway.trade(intent.id().toString()).orElseThrow();
        return Optional.of(Money.of(trade.refunded(), trade.currency()));
    }

    private static RawNotification notification(String form) {
        return RawNotificationBuilder.post().header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .body(form).build();
    }
}
