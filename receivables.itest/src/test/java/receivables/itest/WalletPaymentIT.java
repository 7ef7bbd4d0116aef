package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import receivables.payments.wallet.emulator.WalletGatewayEmulator;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Delivery;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Receipt;

/**
 * The exported host, started with {@code java -jar}, collecting an invoice through the QR wallet against the
 * gateway emulator in this JVM: the tenant's wallet account is configured in {@code etc/}, the gateway's
 * notifications reach the host over HTTP, and only genuine ones are booked; the wallet bundle uninstalled from
 * the running host and dropped back into {@code deploy/} takes its intents up again.
 */
public class WalletPaymentIT {

    static final String APP_ID = "2026000000000042";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    public void aWalletPaymentPaysTheInvoiceOnceHoweverOftenItIsNotifiedAndForgeriesAreRefused() throws Exception {
        KeyPair merchant = merchantKeys();
        Path directory = Files.createDirectories(Path.of("target", "it", "wallet-" + UUID.randomUUID()).toAbsolutePath());
        try (WalletGatewayEmulator gateway = new WalletGatewayEmulator(APP_ID, merchant.getPublic());
                HostProcess host = new HostProcess(directory, Map.of())) {
            startWithWalletAccount(host, gateway, merchant);
            String customer = created(host, "/api/v1/customers", "{\"name\":\"Scan & Pay Ltd\",\"currency\":\"EUR\"}", null)
                    .get("id").asText();
            awaitWalletOffered(host);
            JsonNode offer = read(host, "/api/v1/payment-providers").get(0);
            assertEquals(offer.toString(), "wallet", offer.get("id").asText());
            assertEquals(offer.toString(), "[\"CANCEL\",\"PARTIAL_REFUND\",\"QUERY\",\"REFUND\"]",
                    sorted(offer.get("capabilities")));
            assertEquals(offer.toString(), "[\"QR_CODE\"]", offer.get("presentations").toString());
            assertTrue(read(host, "/api/v1/ui-fragments").toString().contains("/receivables/fragments/wallet/qr.js"));
            HttpResponse<String> script = host.send(HttpRequest.newBuilder(
                    URI.create(host.base() + "/receivables/fragments/wallet/qr.js")).GET());
            assertEquals(200, script.statusCode());
            assertTrue(script.body().contains("export function render"));

            JsonNode invoice = issuedInvoice(host, customer, "SO-WALLET-1");
            JsonNode intent = created(host, "/api/v1/payment-intents",
                    "{\"invoiceId\":\"" + invoice.get("id").asText() + "\",\"provider\":\"wallet\"}", "wallet-intent-1");
            String intentId = intent.get("id").asText();
            assertEquals(intent.toString(), "PENDING", intent.get("status").asText());
            assertEquals("QR_CODE", intent.at("/instructions/kind").asText());
            WalletGatewayEmulator.Trade trade = gateway.trade(intentId).orElseThrow();
            assertEquals(trade.qrCode(), intent.at("/instructions/qrPayload").asText());
            assertEquals(0, trade.totalAmount().compareTo(invoice.at("/gross/amount").decimalValue()));
            // No publicBaseUrl is configured: the notification URL follows the port the host runs on.
            assertEquals(host.base().replace("127.0.0.1", "localhost") + "/api/v1/payments/notifications/wallet?tenant="
                    + Http.DEFAULT_TENANT, trade.notifyUrl());

            List<Receipt> receipts = gateway.pay(intentId, "buyer-88", Delivery.once().times(10));
            assertEquals(receipts.toString(), 10, receipts.size());
            for (Receipt receipt : receipts) {
                assertEquals(receipts.toString(), new Receipt(200, "success"), receipt);
            }

            JsonNode paid = read(host, "/api/v1/payment-intents/" + intentId);
            assertEquals(paid.toString(), "SUCCEEDED", paid.get("status").asText());
            String payment = paid.get("paymentId").asText();
            assertEquals("PAID", read(host, "/api/v1/invoices/" + invoice.get("id").asText()).get("status").asText());
            JsonNode recorded = read(host, "/api/v1/payments/" + payment);
            // Statements name a payment by its number (PAY-year-sequence), not by its id.
            assertEquals(List.of(recorded.get("number").asText()), payments(host, customer));
            assertEquals(0, recorded.at("/amount/amount").decimalValue()
                    .compareTo(invoice.at("/gross/amount").decimalValue()));
            JsonNode entries = read(host, "/api/v1/journal?reference=" + payment);
            assertEquals(entries.toString(), 1, entries.size());
            assertBalanced(entries.get(0));

            HttpResponse<String> refund = host.send(host.request("/api/v1/payment-intents/" + intentId + "/refunds")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "wallet-refund-1")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"amount\":10.00,\"currency\":\"EUR\",\"reason\":\"one box damaged\"}")));
            assertEquals(refund.body(), 200, refund.statusCode());
            JsonNode refunded = JSON.readTree(refund.body());
            assertEquals(refunded.toString(), "PARTIALLY_REFUNDED", refunded.get("status").asText());
            assertEquals(refunded.toString(), "SUCCEEDED", refunded.at("/refunds/0/status").asText());
            assertEquals(0, gateway.trade(intentId).orElseThrow().refunded().compareTo(new BigDecimal("10.00")));
            assertEquals("PARTIALLY_PAID", read(host, "/api/v1/invoices/" + invoice.get("id").asText()).get("status").asText());

            JsonNode other = issuedInvoice(host, customer, "SO-WALLET-2");
            String otherIntent = created(host, "/api/v1/payment-intents",
                    "{\"invoiceId\":\"" + other.get("id").asText() + "\",\"provider\":\"wallet\"}", "wallet-intent-2")
                    .get("id").asText();
            List<Receipt> forged = new ArrayList<>(gateway.deliver(otherIntent, Delivery.once().withWrongSignature()));
            forged.addAll(gateway.deliver(otherIntent, Delivery.once().withAmount(new BigDecimal("0.01"))));
            for (Receipt receipt : forged) {
                assertTrue(receipt.toString(), receipt.status() >= 400 && receipt.status() < 500);
                assertFalse(receipt.body(), receipt.body().contains("success"));
            }
            JsonNode untouched = read(host, "/api/v1/payment-intents/" + otherIntent);
            assertEquals(untouched.toString(), "PENDING", untouched.get("status").asText());
            assertTrue(untouched.get("paymentId").isNull());
            assertEquals("ISSUED", read(host, "/api/v1/invoices/" + other.get("id").asText()).get("status").asText());
            assertEquals(List.of(recorded.get("number").asText()), payments(host, customer));
        }
    }

    @Test
    public void theWalletBundleRemovedMidWayRefusesNewIntentsKeepsOldOnesAndCompletesThemWhenBack() throws Exception {
        KeyPair merchant = merchantKeys();
        Path directory = Files.createDirectories(Path.of("target", "it", "wallet-swap-" + UUID.randomUUID()).toAbsolutePath());
        try (WalletGatewayEmulator gateway = new WalletGatewayEmulator(APP_ID, merchant.getPublic());
                HostProcess host = new HostProcess(directory, Map.of())) {
            startWithWalletAccount(host, gateway, merchant);
            String customer = created(host, "/api/v1/customers", "{\"name\":\"Swap & Pay Ltd\",\"currency\":\"EUR\"}", null)
                    .get("id").asText();
            awaitWalletOffered(host);
            JsonNode invoice = issuedInvoice(host, customer, "SO-WALLET-SWAP-1");
            String intentId = created(host, "/api/v1/payment-intents",
                    "{\"invoiceId\":\"" + invoice.get("id").asText() + "\",\"provider\":\"wallet\"}", "swap-intent-1")
                    .get("id").asText();

            HttpResponse<String> removed = host.send(consoleAction("/system/console/bundles/receivables.payments.wallet",
                    host, "action=uninstall"));
            assertEquals(removed.body(), 200, removed.statusCode());
            host.await("/api/v1/payment-providers", offers -> !offers.toString().contains("\"wallet\""),
                    Duration.ofSeconds(20));
            JsonNode second = issuedInvoice(host, customer, "SO-WALLET-SWAP-2");
            HttpResponse<String> refused = host.send(host.request("/api/v1/payment-intents")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "swap-intent-2")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"invoiceId\":\"" + second.get("id").asText() + "\",\"provider\":\"wallet\"}")));
            assertEquals(refused.body(), 400, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse(""), refused.headers()
                    .firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(refused.body(), refused.body().contains("\"field\":\"provider\"")
                    && refused.body().contains("not installed"));
            assertEquals("PENDING", read(host, "/api/v1/payment-intents/" + intentId).get("status").asText());
            List<Receipt> whileAway = gateway.pay(intentId, "buyer-7", Delivery.once());
            // The tenant has a wallet account: its notification is to be sent again later, not "no such provider".
            assertEquals(whileAway.toString(), 503, whileAway.get(0).status());
            assertEquals("PENDING", read(host, "/api/v1/payment-intents/" + intentId).get("status").asText());

            Path jar;
            try (var files = Files.list(Path.of(System.getProperty("receivables.runtime.dir", "target/runtime"), "jar"))) {
                jar = files.filter(file -> file.getFileName().toString().startsWith("receivables.payments.wallet-"))
                        .findFirst().orElseThrow();
            }
            Files.createDirectories(directory.resolve("deploy"));
            Files.copy(jar, directory.resolve("deploy").resolve(jar.getFileName()));
            awaitWalletOffered(host);
            assertEquals(List.of(new Receipt(200, "success")), gateway.deliver(intentId, Delivery.once()));

            assertEquals("SUCCEEDED", read(host, "/api/v1/payment-intents/" + intentId).get("status").asText());
            assertEquals("PAID", read(host, "/api/v1/invoices/" + invoice.get("id").asText()).get("status").asText());
            assertEquals(1, payments(host, customer).size());
        }
    }

    static KeyPair merchantKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /**
     * Starts the host with the tenant's wallet account in etc/, pointing at the emulator. No publicBaseUrl is
     * set: notification URLs follow the port the host runs on.
     */
    static void startWithWalletAccount(HostProcess host, WalletGatewayEmulator gateway, KeyPair merchant)
            throws Exception {
        Path directory = host.directory();
        Files.writeString(directory.resolve("etc/receivables.provider.account-wallet.config"),
                "tenant=\"" + Http.DEFAULT_TENANT + "\"\n"
                        + "provider=\"wallet\"\n"
                        + "settings=[\"gatewayUrl=" + gateway.gatewayUrl() + "\",\"appId=" + APP_ID + "\","
                        + "\"gatewayPublicKey=" + gateway.publicKey() + "\"]\n"
                        + "secrets=[\"merchantPrivateKey="
                        + Base64.getEncoder().encodeToString(merchant.getPrivate().getEncoded()) + "\"]\n");
        host.start();
    }

    /** An action of the Felix web console, as an admin clicks it. */
    private static HttpRequest.Builder consoleAction(String path, HostProcess host, String form) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + host.consolePassword()).getBytes(
                StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(host.base() + path)).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static JsonNode issuedInvoice(HostProcess host, String customer, String order) throws Exception {
        String id = created(host, "/api/v1/invoices", "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"" + LocalDate.now() + "\",\"lines\":[{\"product\":\"TEA\","
                + "\"quantity\":2,\"unitPrice\":21.50,\"taxRate\":19}]}", null).get("id").asText();
        HttpResponse<String> issued = host.send(host.request("/api/v1/invoices/" + id + "/issue")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(issued.body(), 200, issued.statusCode());
        return JSON.readTree(issued.body());
    }

    /** Payments on the customer's statement, by id. */
    private static List<String> payments(HostProcess host, String customer) throws Exception {
        JsonNode statement = read(host, "/api/v1/customers/" + customer + "/statement?currency=EUR&from="
                + LocalDate.now().minusDays(2) + "&to=" + LocalDate.now().plusDays(2));
        List<String> payments = new ArrayList<>();
        statement.get("movements").forEach(movement -> {
            if (movement.get("kind").asText().equals("PAYMENT")) {
                payments.add(movement.get("reference").asText());
            }
        });
        return payments;
    }

    private static String sorted(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        texts.sort(null);
        return texts.stream().map(text -> "\"" + text + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static void assertBalanced(JsonNode entry) {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JsonNode line : entry.get("lines")) {
            debits = debits.add(line.at("/debit/amount").decimalValue());
            credits = credits.add(line.at("/credit/amount").decimalValue());
        }
        assertEquals(entry.toString(), 0, debits.compareTo(credits));
        assertTrue(entry.toString(), debits.signum() > 0);
    }

    /** The wallet account is read from etc/ while the host runs: wait until the tenant is offered the wallet. */
    static void awaitWalletOffered(HostProcess host) throws Exception {
        host.await("/api/v1/payment-providers", offers -> offers.toString().contains("\"wallet\""),
                Duration.ofSeconds(20));
    }

    private static JsonNode created(HostProcess host, String path, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = host.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = host.send(request);
        assertEquals(path + ": " + response.body(), 201, response.statusCode());
        return JSON.readTree(response.body());
    }

    static JsonNode read(HostProcess host, String path) throws Exception {
        HttpResponse<String> response = host.send(host.request(path).GET());
        assertEquals(path + ": " + response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }
}
