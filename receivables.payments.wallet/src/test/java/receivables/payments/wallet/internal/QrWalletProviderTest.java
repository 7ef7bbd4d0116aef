package receivables.payments.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import receivables.api.TenantId;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure.Kind;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundOutcome;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification.Reason;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Delivery;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Misbehaviour;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Receipt;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Trade;
import receivables.payments.wallet.emulator.WalletGatewayEmulator;

class QrWalletProviderTest {

    private static final String APP_ID = "2026000000000042";
    private static final URI NOTIFY_URL = URI.create("http://127.0.0.1:9/api/v1/payments/notifications/wallet?tenant=acme");
    private static KeyPair merchant;

    private final QrWalletProvider provider = new QrWalletProvider();
    private final Intents intents = new Intents();
    private WalletGatewayEmulator gateway;
    private ProviderContext context;

    @BeforeAll
    static void merchantKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        merchant = generator.generateKeyPair();
    }

    @BeforeEach
    void gatewayAndTenant() throws IOException {
        provider.activate(configuration("CNY", "EUR", "USD"));
        gateway = new WalletGatewayEmulator(APP_ID, merchant.getPublic());
        gateway.slowness(Duration.ofSeconds(2));
        context = context(gateway.gatewayUrl(), Map.of());
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void queriesRefundsAndCancels() {
        assertThat(provider).isInstanceOf(PaymentQuery.class).isInstanceOf(PaymentRefunds.class)
                .isInstanceOf(PaymentCancellation.class);
    }

    @Test
    void refusesAConfigurationWithoutValidCurrencies() {
        assertThatThrownBy(() -> new QrWalletProvider().activate(configuration("CNY", "XYZ1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XYZ1");
        assertThatThrownBy(() -> new QrWalletProvider().activate(configuration()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startOpensATradeAndReturnsItsQrCode() throws Exception {
        PaymentIntent intent = intent("88.88", "CNY");

        PaymentInstructions instructions = provider.start(context, intent);

        Trade trade = gateway.trade(intent.id().toString()).orElseThrow();
        assertThat(instructions.kind()).isEqualTo(PaymentInstructions.Kind.QR_CODE);
        assertThat(instructions.qrPayload()).isEqualTo(trade.qrCode()).startsWith("https://");
        assertThat(instructions.providerReference()).isEqualTo(trade.tradeNo());
        assertThat(instructions.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(119)));
        assertThat(trade.totalAmount()).isEqualByComparingTo("88.88");
        assertThat(trade.totalAmount().toPlainString()).isEqualTo("88.88");
        assertThat(trade.currency()).isEqualTo("CNY");
        assertThat(trade.subject()).isEqualTo("INV-2026-000001");
        assertThat(trade.notifyUrl()).isEqualTo(NOTIFY_URL.toString());
        assertThat(trade.status()).isEqualTo("WAIT_BUYER_PAY");
    }

    @Test
    void startingTheSameIntentAgainReturnsTheSameCode() throws Exception {
        PaymentIntent intent = intent("1000", "JPY");
        provider.activate(configuration("JPY"));

        PaymentInstructions first = provider.start(context, intent);
        PaymentInstructions again = provider.start(context, intent);

        assertThat(again.qrPayload()).isEqualTo(first.qrPayload());
        assertThat(gateway.trades()).hasSize(1);
        assertThat(gateway.trades().get(0).totalAmount().toPlainString()).isEqualTo("1000");
    }

    @Test
    void queryFollowsTheTradeFromWaitingToPaid() throws Exception {
        PaymentIntent intent = intent("88.88", "CNY");
        assertThat(provider.query(context, intent).outcome()).isEqualTo(ProviderOutcome.UNKNOWN);

        provider.start(context, intent);
        assertThat(provider.query(context, intent).outcome()).isEqualTo(ProviderOutcome.PENDING);

        gateway.pay(intent.id().toString(), "buyer-7", Delivery.none());
        ProviderReport paid = provider.query(context, intent);
        assertThat(paid.outcome()).isEqualTo(ProviderOutcome.SUCCEEDED);
        assertThat(paid.amount()).isEqualTo(Money.of("88.88", "CNY"));
        assertThat(paid.providerReference()).isEqualTo(gateway.trade(intent.id().toString()).orElseThrow().tradeNo());
        assertThat(paid.occurredAt()).isEqualTo(gateway.trade(intent.id().toString()).orElseThrow().paidAt());
    }

    @Test
    void refundsInPartsUpToTheTotalAndOncePerRefundId() throws Exception {
        PaymentIntent intent = paid("100.00", "EUR");
        RefundInstruction first = new RefundInstruction(UUID.randomUUID(), Money.of("30.00", "EUR"), "damaged");

        RefundReport reference = provider.refund(context, intent, first);
        assertThat(reference.outcome()).isEqualTo(RefundOutcome.SUCCEEDED);
        assertThat(provider.refund(context, intent, first)).isEqualTo(reference);
        assertThat(provider.refundStatus(context, intent, first)).as("asked again, refunded once").isEqualTo(reference);
        assertThat(gateway.trade(intent.id().toString()).orElseThrow().refunded()).isEqualByComparingTo("30.00");

        assertThatThrownBy(() -> provider.refund(context, intent,
                new RefundInstruction(UUID.randomUUID(), Money.of("70.01", "EUR"), null)))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.DECLINED));

        RefundReport rest = provider.refund(context, intent, new RefundInstruction(UUID.randomUUID(), Money.of("70.00", "EUR"), null));
        assertThat(rest).isNotEqualTo(reference);
        Trade trade = gateway.trade(intent.id().toString()).orElseThrow();
        assertThat(trade.refunded()).isEqualByComparingTo("100.00");
        assertThat(trade.status()).isEqualTo("TRADE_CLOSED");
        // Refunded in full, the trade is closed, but the payment did happen.
        assertThat(provider.query(context, intent).outcome()).isEqualTo(ProviderOutcome.SUCCEEDED);
    }

    @Test
    void aFullRefundAtOnce() throws Exception {
        PaymentIntent intent = paid("25.50", "USD");

        provider.refund(context, intent, new RefundInstruction(UUID.randomUUID(), Money.of("25.50", "USD"), "order canceled"));

        assertThat(gateway.trade(intent.id().toString()).orElseThrow().refunded()).isEqualByComparingTo("25.50");
    }

    @Test
    void anUnpaidTradeCannotBeRefunded() throws Exception {
        PaymentIntent intent = intent("10.00", "EUR");
        provider.start(context, intent);

        assertThatThrownBy(() -> provider.refund(context, intent,
                new RefundInstruction(UUID.randomUUID(), Money.of("10.00", "EUR"), null)))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.DECLINED));
    }

    @Test
    void cancelClosesAnUnpaidTradeButNotAPaidOne() throws Exception {
        PaymentIntent open = intent("10.00", "EUR");
        provider.start(context, open);

        provider.cancel(context, open);
        provider.cancel(context, open);

        assertThat(gateway.trade(open.id().toString()).orElseThrow().status()).isEqualTo("TRADE_CLOSED");
        assertThat(provider.query(context, open).outcome()).isEqualTo(ProviderOutcome.CANCELED);

        PaymentIntent paid = paid("10.00", "EUR");
        assertThatThrownBy(() -> provider.cancel(context, paid))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.DECLINED));
    }

    @Test
    void cancellingATradeThatNeverReachedTheGatewayIsDone() throws Exception {
        provider.cancel(context, intent("10.00", "EUR"));

        assertThat(gateway.trades()).isEmpty();
    }

    @Test
    void aServerErrorIsUnavailableAndNothingHappened() {
        gateway.misbehave(Misbehaviour.SERVER_ERROR, 1);
        PaymentIntent intent = intent("10.00", "EUR");

        assertThat(failure(() -> provider.start(context, intent))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(gateway.trades()).isEmpty();
    }

    @Test
    void aBusyGatewayIsUnavailable() {
        gateway.misbehave(Misbehaviour.SYSTEM_BUSY, 1);

        assertThat(failure(() -> provider.start(context, intent("10.00", "EUR")))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(gateway.trades()).isEmpty();
    }

    @Test
    void noAnswerInTimeIsAnUnknownOutcomeThoughTheTradeMayExist() throws Exception {
        gateway.misbehave(Misbehaviour.SLOW, 1);
        PaymentIntent intent = intent("10.00", "EUR");

        assertThat(failure(() -> provider.start(context, intent))).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(gateway.trade(intent.id().toString())).isPresent();
        assertThat(provider.query(context, intent).outcome()).isEqualTo(ProviderOutcome.PENDING);
    }

    @Test
    void anAnswerWithABadSignatureIsNotTrusted() throws Exception {
        PaymentIntent intent = paid("10.00", "EUR");
        gateway.misbehave(Misbehaviour.BAD_SIGNATURE, 1);

        assertThat(failure(() -> provider.query(context, intent))).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(provider.query(context, intent).outcome()).isEqualTo(ProviderOutcome.SUCCEEDED);
    }

    @Test
    void aGatewayThatRefusesConnectionsIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProviderContext nowhere = context(URI.create("http://127.0.0.1:" + closedPort + "/gateway"), Map.of());

        assertThat(failure(() -> provider.start(nowhere, intent("10.00", "EUR")))).isEqualTo(Kind.UNAVAILABLE);
        // The JDK's refused connection carries no message: the failure names the gateway and the cause instead.
        assertThatThrownBy(() -> provider.start(nowhere, intent("10.00", "EUR")))
                .hasMessageContaining("cannot connect to the gateway at 127.0.0.1:" + closedPort + ": ")
                .hasMessageNotContaining("null");
    }

    @Test
    void badSettingsAreAnInvalidRequestThatNamesTheSettingButNotItsValue() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = base64(generator.generateKeyPair().getPrivate().getEncoded());
        ProviderContext wrongKey = context(gateway.gatewayUrl(), Map.of(WalletAccount.MERCHANT_PRIVATE_KEY, otherKey));
        ProviderContext garbledKey = context(gateway.gatewayUrl(), Map.of(WalletAccount.MERCHANT_PRIVATE_KEY, "bm90IGEga2V5"));
        ProviderContext noAppId = context(gateway.gatewayUrl(), Map.of(WalletAccount.APP_ID, ""));

        assertThat(failure(() -> provider.start(wrongKey, intent("10.00", "EUR")))).isEqualTo(Kind.INVALID_REQUEST);
        assertThatThrownBy(() -> provider.start(garbledKey, intent("10.00", "EUR")))
                .hasMessageContaining("merchantPrivateKey").hasMessageNotContaining("bm90IGEga2V5");
        assertThat(failure(() -> provider.start(noAppId, intent("10.00", "EUR")))).isEqualTo(Kind.INVALID_REQUEST);
        ProviderContext notANumber = context(gateway.gatewayUrl(), Map.of(WalletAccount.REQUEST_TIMEOUT, "soon-ish"));
        assertThatThrownBy(() -> provider.start(notANumber, intent("10.00", "EUR")))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.INVALID_REQUEST))
                .hasMessageContaining("requestTimeoutMillis").hasMessageNotContaining("soon-ish");
        assertThat(gateway.trades()).isEmpty();
    }

    @Test
    void aSignedNotificationReportsThePayment() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");
        gateway.pay(intent.id().toString(), "buyer-7", Delivery.none());

        VerifiedNotification verified = provider.verify(context,
                notification(gateway.notification(intent.id().toString(), Delivery.once())), intents);

        Trade trade = gateway.trade(intent.id().toString()).orElseThrow();
        assertThat(verified.acknowledgement()).isEqualTo("success");
        assertThat(verified.acknowledgementType()).isEqualTo("text/plain");
        assertThat(verified.report()).isEqualTo(new ProviderReport(intent.id(), trade.tradeNo(), ProviderOutcome.SUCCEEDED,
                Money.of("88.88", "CNY"), trade.paidAt()));
    }

    @Test
    void aForgedNotificationIsRejected() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");

        assertThat(rejection(gateway.notification(intent.id().toString(), Delivery.once().withWrongSignature())))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aNotificationChangedAfterSigningIsRejected() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");
        String body = gateway.notification(intent.id().toString(), Delivery.once());

        assertThat(rejection(body.replace("total_amount=88.88", "total_amount=8888.00"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejection(body.replaceAll("&sign=[^&]*", ""))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aNotificationForAnotherAmountIsAMismatch() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");

        assertThat(rejection(gateway.notification(intent.id().toString(), Delivery.once().withAmount(new BigDecimal("0.01")))))
                .isEqualTo(Reason.MISMATCH);
    }

    @Test
    void aNotificationForAnotherMerchantIsAMismatch() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");
        String body = gateway.notification(intent.id().toString(), Delivery.once());

        assertThatThrownBy(() -> provider.verify(context(gateway.gatewayUrl(), Map.of(WalletAccount.APP_ID, "2026000000000099")),
                notification(body), intents))
                .isInstanceOfSatisfying(RejectedNotification.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISMATCH));
    }

    @Test
    void aNotificationForAnIntentThisTenantDoesNotHaveIsUnknown() throws Exception {
        PaymentIntent intent = started("88.88", "CNY");
        String body = gateway.notification(intent.id().toString(), Delivery.once());
        intents.known.clear();

        assertThat(rejection(body)).isEqualTo(Reason.UNKNOWN_INTENT);
    }

    @Test
    void aBodyThatIsNoFormIsMalformed() {
        assertThat(rejection("{\"trade_status\":\"TRADE_SUCCESS\"}")).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("")).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("a=1&a=2")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aNotificationDeliveredTenTimesOverHttpIsAcknowledgedEveryTimeWithTheSameReport() throws Exception {
        List<ProviderReport> reports = new CopyOnWriteArrayList<>();
        HttpServer merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchant.createContext("/notify", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
                int status;
                byte[] answer;
                try {
                    VerifiedNotification verified = provider.verify(context,
                            new RawNotification("POST", headers, Map.of(), body), intents);
                    reports.add(verified.report());
                    status = 200;
                    answer = verified.acknowledgement().getBytes(StandardCharsets.UTF_8);
                } catch (RejectedNotification e) {
                    status = 400;
                    answer = e.reason().name().getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        merchant.start();
        try {
            URI notifyUrl = URI.create("http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify");
            ProviderContext tenant = new ProviderContext(context.tenant(), context.settings(), notifyUrl);
            PaymentIntent intent = intent("88.88", "CNY");
            intents.known.put(intent.id(), intent);
            provider.start(tenant, intent);

            List<Receipt> receipts = gateway.pay(intent.id().toString(), "buyer-7", Delivery.once().times(10));
            List<Receipt> forged = gateway.deliver(intent.id().toString(), Delivery.once().withWrongSignature());

            assertThat(receipts).hasSize(10).allSatisfy(receipt -> assertThat(receipt).isEqualTo(new Receipt(200, "success")));
            assertThat(reports).hasSize(10).containsOnly(reports.get(0));
            assertThat(forged).containsExactly(new Receipt(400, "BAD_SIGNATURE"));
        } finally {
            merchant.stop(0);
        }
    }

    private PaymentIntent started(String amount, String currency) throws ProviderFailure {
        PaymentIntent intent = intent(amount, currency);
        intents.known.put(intent.id(), intent);
        provider.start(context, intent);
        return intent;
    }

    private PaymentIntent paid(String amount, String currency) throws ProviderFailure {
        PaymentIntent intent = started(amount, currency);
        gateway.pay(intent.id().toString(), "buyer-7", Delivery.none());
        return intent;
    }

    private Reason rejection(String body) {
        try {
            provider.verify(context, notification(body), intents);
        } catch (RejectedNotification e) {
            return e.reason();
        }
        throw new AssertionError("accepted: " + body);
    }

    private static Kind failure(ProviderCall call) {
        try {
            call.run();
        } catch (ProviderFailure e) {
            return e.kind();
        }
        throw new AssertionError("the call did not fail");
    }

    @FunctionalInterface
    private interface ProviderCall {
        void run() throws ProviderFailure;
    }

    private static RawNotification notification(String body) {
        return new RawNotification("POST", Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private ProviderContext context(URI gatewayUrl, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(WalletAccount.GATEWAY_URL, gatewayUrl.toString());
        settings.put(WalletAccount.APP_ID, APP_ID);
        settings.put(WalletAccount.MERCHANT_PRIVATE_KEY, base64(merchant.getPrivate().getEncoded()));
        settings.put(WalletAccount.GATEWAY_PUBLIC_KEY, gateway.publicKey());
        settings.put(WalletAccount.CONNECT_TIMEOUT, "500");
        settings.put(WalletAccount.REQUEST_TIMEOUT, "700");
        settings.putAll(overrides);
        return new ProviderContext(new TenantId("acme"), settings, NOTIFY_URL);
    }

    private static PaymentIntent intent(String amount, String currency) {
        Instant now = Instant.now();
        return new PaymentIntent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "wallet", "WALLET_QR",
                Money.of(amount, currency), "INV-2026-000001", IntentStatus.CREATED, null, null, null,
                Money.zero(currency), null, now, now, List.of(), List.of());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static WalletConfiguration configuration(String... currencies) {
        return new WalletConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WalletConfiguration.class;
            }

            @Override
            public String[] receivables_provider_currencies() {
                return currencies;
            }
        };
    }

    /** The tenant's wallet intents, as the core would look them up. */
    private static final class Intents implements IntentLookup {

        final Map<UUID, PaymentIntent> known = new ConcurrentHashMap<>();

        @Override
        public Optional<PaymentIntent> byId(UUID intentId) {
            return Optional.ofNullable(known.get(intentId));
        }

        @Override
        public Optional<PaymentIntent> byProviderReference(String providerReference) {
            return known.values().stream().filter(intent -> providerReference.equals(intent.providerReference())).findFirst();
        }
    }
}
