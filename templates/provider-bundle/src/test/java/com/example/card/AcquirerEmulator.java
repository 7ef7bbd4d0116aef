package com.example.card;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import receivables.api.provider.RejectedNotification;

/**
 * The card acquirer as {@link CardProvider} speaks to it, on a free loopback port: checkouts and refunds kept by
 * their idempotency keys (the same key again answers the first answer), the bearer key checked, and notifications
 * signed with the webhook secret. Replace it with your channel's sandbox or an emulator of your channel.
 */
final class AcquirerEmulator implements AutoCloseable {

    /** A checkout as the acquirer holds it. */
    record Checkout(String id, String order, String merchant, BigDecimal amount, String currency, BigDecimal refunded) {
    }

    private final String apiKey;
    private final HttpServer server;
    private final Map<String, Checkout> checkoutsByOrder = new LinkedHashMap<>();
    private final Map<String, String> answersByKey = new LinkedHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    AcquirerEmulator(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1", this::handle);
        server.start();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    synchronized Checkout checkout(String order) {
        return checkoutsByOrder.get(order);
    }

    /** The form the acquirer posts once the payer paid the order's checkout; {@link #signatureHeader} signs it. */
    synchronized String paidNotification(String order) {
        Checkout checkout = checkoutsByOrder.get(order);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "checkout.paid");
        form.put("merchant", checkout.merchant());
        form.put("checkout", checkout.id());
        form.put("order", order);
        form.put("amount", checkout.amount().toPlainString());
        form.put("currency", checkout.currency());
        form.put("paid_at", "2026-03-10T10:00:00Z");
        return encode(form);
    }

    /** The {@code Card-Signature} header of a notification, signed with {@code secret}. */
    static String signatureHeader(String secret, String body) {
        String timestamp = "1773136800";
        return "t=" + timestamp + ",v1=" + CardProvider.signature(secret, timestamp, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "error=unauthorized");
                return;
            }
            Map<String, String> form;
            try (InputStream in = exchange.getRequestBody()) {
                form = CardProvider.form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (RejectedNotification e) {
                respond(exchange, 400, "error=bad_form");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                String answer = answersByKey.get(path + " " + key);
                if (answer == null) {
                    answer = path.endsWith("/checkouts") ? openCheckout(form) : refund(form);
                    if (answer == null) {
                        respond(exchange, 400, "error=bad_request");
                        return;
                    }
                    answersByKey.put(path + " " + key, answer);
                }
                respond(exchange, 200, answer);
            }
        }
    }

    private String openCheckout(Map<String, String> form) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(form.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        String id = "ch_" + numbers.incrementAndGet();
        checkoutsByOrder.put(form.get("order"), new Checkout(id, form.get("order"), form.get("merchant"), amount,
                form.get("currency"), BigDecimal.ZERO));
        return "id=" + id + "&url=" + URLEncoder.encode("https://checkout.acquirer.example/" + id, StandardCharsets.UTF_8);
    }

    private String refund(Map<String, String> form) {
        Checkout checkout = checkoutsByOrder.get(form.get("order"));
        if (checkout == null) {
            return "id=re_" + numbers.incrementAndGet() + "&status=failed&detail=no+such+order";
        }
        BigDecimal refunded = checkout.refunded().add(new BigDecimal(form.get("amount")));
        if (refunded.compareTo(checkout.amount()) > 0) {
            return "id=re_" + numbers.incrementAndGet() + "&status=failed&detail=more+than+paid";
        }
        checkoutsByOrder.put(checkout.order(), new Checkout(checkout.id(), checkout.order(), checkout.merchant(),
                checkout.amount(), checkout.currency(), refunded));
        return "id=re_" + numbers.incrementAndGet() + "&status=succeeded";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-www-form-urlencoded");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
