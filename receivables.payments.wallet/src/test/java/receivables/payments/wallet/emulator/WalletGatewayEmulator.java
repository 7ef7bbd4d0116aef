package receivables.payments.wallet.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import receivables.testkit.LoopbackGateway;

/**
 * A wallet gateway on loopback that speaks the protocol {@code QrWalletProvider} documents: signed form
 * requests at {@link #gatewayUrl()}, signed JSON answers, signed notifications to each trade's
 * {@code notify_url}. It keeps trades in memory, holds its own key pair and the merchant's public key, and
 * can be told to misbehave.
 *
 * <p>It signs and verifies with its own code rather than the provider's {@code SignedParameters}: like a
 * real gateway it is a second implementation of the canonical form, so a mistake in either shows.
 */
public final class WalletGatewayEmulator extends LoopbackGateway<WalletGatewayEmulator.Misbehaviour> {

    /** Ways to answer the next calls badly. */
    public enum Misbehaviour {
        /** Do the call, then answer only after {@link #slowness(Duration)}: the caller times out. */
        SLOW,
        /** Answer HTTP 503 without doing anything. */
        SERVER_ERROR,
        /** Answer code 20000 "system busy" without doing anything. */
        SYSTEM_BUSY,
        /** Do the call and answer signed with a key that is not the gateway's. */
        BAD_SIGNATURE
    }

    /** A trade as the gateway holds it. */
    public record Trade(String outTradeNo, String tradeNo, BigDecimal totalAmount, String currency, String subject,
            String notifyUrl, String qrCode, String status, BigDecimal refunded, String buyerId, Instant paidAt) {
    }

    /**
     * How to deliver a notification: how often, signed by whom, and for which amount.
     *
     * @param amount the amount to report, or {@code null} for the trade's own
     */
    public record Delivery(int times, boolean wrongSignature, BigDecimal amount) {

        public static Delivery none() {
            return new Delivery(0, false, null);
        }

        public static Delivery once() {
            return new Delivery(1, false, null);
        }

        public Delivery times(int count) {
            return new Delivery(count, wrongSignature, amount);
        }

        /** Signed with a key that is not the gateway's: a forgery. */
        public Delivery withWrongSignature() {
            return new Delivery(times, true, amount);
        }

        public Delivery withAmount(BigDecimal reported) {
            return new Delivery(times, wrongSignature, reported);
        }
    }

    /** The answer the merchant gave to one delivery; status -1 when it could not be reached. */
    public record Receipt(int status, String body) {
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final String ALGORITHM = "SHA256withRSA";

    private final String appId;
    private final PublicKey merchantKey;
    private final KeyPair gatewayKeys;
    private final KeyPair forgerKeys;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, MutableTrade> trades = new LinkedHashMap<>();
    private final AtomicInteger tradeNumbers = new AtomicInteger();

    /** Starts the gateway on a free loopback port for the merchant {@code appId} who signs with {@code merchantKey}'s private half. */
    public WalletGatewayEmulator(String appId, PublicKey merchantKey) throws IOException {
        super("/gateway");
        this.appId = appId;
        this.merchantKey = merchantKey;
        this.gatewayKeys = keyPair();
        this.forgerKeys = keyPair();
    }

    public URI gatewayUrl() {
        return url("/gateway");
    }

    /** The gateway's public key as the tenant configures it: Base64 X.509. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(gatewayKeys.getPublic().getEncoded());
    }

    public synchronized Optional<Trade> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo)).map(MutableTrade::snapshot);
    }

    public synchronized List<Trade> trades() {
        return trades.values().stream().map(MutableTrade::snapshot).toList();
    }

    /** The payer scans and pays the trade; then the gateway notifies the merchant as {@code delivery} says. */
    public List<Receipt> pay(String outTradeNo, String buyerId, Delivery delivery) {
        synchronized (this) {
            MutableTrade trade = existing(outTradeNo);
            if (!trade.status.equals("WAIT_BUYER_PAY")) {
                throw new IllegalStateException("trade " + outTradeNo + " is " + trade.status + ", not payable");
            }
            trade.status = "TRADE_SUCCESS";
            trade.buyerId = buyerId;
            trade.paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return deliver(outTradeNo, delivery);
    }

    /** Sends the trade's notification to its {@code notify_url}, as it stands now, the way {@code delivery} says. */
    public List<Receipt> deliver(String outTradeNo, Delivery delivery) {
        String notifyUrl = trade(outTradeNo).orElseThrow().notifyUrl();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < delivery.times(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(notification(outTradeNo, delivery))).build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                receipts.add(new Receipt(response.statusCode(), response.body()));
            } catch (IOException e) {
                receipts.add(new Receipt(-1, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return receipts;
    }

    /**
     * The form body of a notification about the trade: what a paid trade reports as {@code TRADE_SUCCESS}
     * whatever its state, so that a forged delivery can claim a payment that never happened.
     */
    public String notification(String outTradeNo, Delivery delivery) {
        Map<String, String> fields = new TreeMap<>();
        synchronized (this) {
            MutableTrade trade = existing(outTradeNo);
            Instant paidAt = trade.paidAt == null ? Instant.now() : trade.paidAt;
            fields.put("notify_id", UUID.randomUUID().toString());
            fields.put("notify_type", "trade_status_sync");
            fields.put("notify_time", TIME.format(Instant.now()));
            fields.put("app_id", appId);
            fields.put("out_trade_no", trade.outTradeNo);
            fields.put("trade_no", trade.tradeNo);
            fields.put("trade_status", trade.paidAt == null ? "TRADE_SUCCESS" : trade.status);
            fields.put("total_amount", (delivery.amount() == null ? trade.totalAmount : delivery.amount()).toPlainString());
            fields.put("currency", trade.currency);
            fields.put("gmt_payment", TIME.format(paidAt));
            fields.put("buyer_id", trade.buyerId == null ? "2088000000000001" : trade.buyerId);
        }
        Map<String, String> signed = sign(fields, delivery.wrongSignature() ? forgerKeys.getPrivate() : gatewayKeys.getPrivate());
        return form(signed);
    }

    @Override
    protected void answer(HttpExchange exchange, Misbehaviour misbehaviour) throws IOException, InterruptedException {
        if (misbehaviour == Misbehaviour.SERVER_ERROR) {
            respond(exchange, 503, "text/plain", "upstream unavailable");
            return;
        }
        Map<String, String> request = parse(readBody(exchange.getRequestBody()));
        String method = request.getOrDefault("method", "");
        Answer answer = misbehaviour == Misbehaviour.SYSTEM_BUSY
                ? new Answer(false, error("20000", "Service Currently Unavailable", "isp.unknow-error", "system busy"))
                : answer(request, method);
        String key = answer.beforeMethod() ? "error_response" : method.replace('.', '_') + "_response";
        if (misbehaviour == Misbehaviour.SLOW) {
            dawdle();
        }
        PrivateKey signer = misbehaviour == Misbehaviour.BAD_SIGNATURE ? forgerKeys.getPrivate() : gatewayKeys.getPrivate();
        ObjectNode root = json.createObjectNode();
        ObjectNode response = root.putObject(key);
        answer.fields().forEach(response::put);
        root.put("sign", signature(canonical(answer.fields()), signer));
        respond(exchange, 200, "application/json;charset=utf-8", root.toString());
    }

    private Answer answer(Map<String, String> request, String method) {
        if (!appId.equals(request.get("app_id"))) {
            return rejected(error("40002", "Invalid Arguments", "isv.invalid-app-id", "unknown app_id"));
        }
        if (!verify(request, merchantKey)) {
            return rejected(error("40002", "Invalid Arguments", "isv.invalid-signature", "signature does not verify"));
        }
        JsonNode biz;
        try {
            biz = json.readTree(request.getOrDefault("biz_content", ""));
        } catch (IOException e) {
            return rejected(error("40002", "Invalid Arguments", "isv.invalid-parameter", "biz_content is not JSON"));
        }
        if (biz == null || !biz.path("out_trade_no").isTextual()) {
            return rejected(error("40001", "Missing Required Arguments", "isv.missing-out-trade-no", "out_trade_no"));
        }
        String outTradeNo = biz.get("out_trade_no").asText();
        synchronized (this) {
            return switch (method) {
                case "trade.precreate" -> new Answer(false, precreate(outTradeNo, biz, request.get("notify_url")));
                case "trade.query" -> new Answer(false, query(outTradeNo));
                case "trade.refund" -> new Answer(false, refund(outTradeNo, biz));
                case "trade.close" -> new Answer(false, close(outTradeNo));
                default -> rejected(error("40002", "Invalid Arguments", "isv.invalid-method", "unknown method " + method));
            };
        }
    }

    private Map<String, String> precreate(String outTradeNo, JsonNode biz, String notifyUrl) {
        BigDecimal amount;
        String currency = biz.path("currency").asText("");
        try {
            amount = new BigDecimal(biz.path("total_amount").asText(""));
            if (amount.signum() <= 0 || amount.scale() != Currency.getInstance(currency).getDefaultFractionDigits()) {
                return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "total_amount");
            }
        } catch (IllegalArgumentException e) {
            return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "total_amount or currency");
        }
        MutableTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            trade = new MutableTrade(outTradeNo, String.format("2026%012d", tradeNumbers.incrementAndGet()), amount, currency,
                    biz.path("subject").asText(""), notifyUrl,
                    "https://qr.wallet.example/" + UUID.randomUUID().toString().replace("-", ""));
            trades.put(outTradeNo, trade);
        } else if (trade.totalAmount.compareTo(amount) != 0 || !trade.currency.equals(currency)) {
            return error("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT", "the trade exists with other content");
        } else if (!trade.status.equals("WAIT_BUYER_PAY")) {
            return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "the trade is " + trade.status);
        }
        Map<String, String> answer = success(trade);
        answer.put("qr_code", trade.qrCode);
        return answer;
    }

    private Map<String, String> query(String outTradeNo) {
        MutableTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "no such trade");
        }
        Map<String, String> answer = success(trade);
        answer.put("trade_status", trade.status);
        answer.put("total_amount", trade.totalAmount.toPlainString());
        answer.put("currency", trade.currency);
        if (trade.paidAt != null) {
            answer.put("gmt_payment", TIME.format(trade.paidAt));
            answer.put("buyer_id", trade.buyerId);
        }
        return answer;
    }

    private Map<String, String> refund(String outTradeNo, JsonNode biz) {
        MutableTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "no such trade");
        }
        String requestNo = biz.path("out_request_no").asText("");
        if (requestNo.isEmpty()) {
            return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "out_request_no");
        }
        String refundNo = trade.refunds.get(requestNo);
        if (refundNo == null) {
            BigDecimal amount;
            try {
                amount = new BigDecimal(biz.path("refund_amount").asText(""));
            } catch (NumberFormatException e) {
                return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "refund_amount");
            }
            if (!trade.currency.equals(biz.path("refund_currency").asText(trade.currency))) {
                return error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "refund_currency");
            }
            if (trade.paidAt == null) {
                return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "the trade is not paid");
            }
            if (amount.signum() <= 0 || trade.refunded.add(amount).compareTo(trade.totalAmount) > 0) {
                return error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "more than is left to refund");
            }
            refundNo = "R" + trade.tradeNo + "-" + (trade.refunds.size() + 1);
            trade.refunds.put(requestNo, refundNo);
            trade.refunded = trade.refunded.add(amount);
            if (trade.refunded.compareTo(trade.totalAmount) == 0) {
                trade.status = "TRADE_CLOSED";
            }
        }
        Map<String, String> answer = success(trade);
        answer.put("out_request_no", requestNo);
        answer.put("refund_no", refundNo);
        answer.put("refund_fee", trade.refunded.toPlainString());
        answer.put("fund_change", "Y");
        return answer;
    }

    private Map<String, String> close(String outTradeNo) {
        MutableTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "no such trade");
        }
        if (trade.paidAt != null) {
            return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "the trade is paid");
        }
        trade.status = "TRADE_CLOSED";
        return success(trade);
    }

    private MutableTrade existing(String outTradeNo) {
        MutableTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            throw new IllegalArgumentException("no trade " + outTradeNo + " at the gateway");
        }
        return trade;
    }

    private static Map<String, String> success(MutableTrade trade) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", "10000");
        answer.put("msg", "Success");
        answer.put("out_trade_no", trade.outTradeNo);
        answer.put("trade_no", trade.tradeNo);
        return answer;
    }

    private static Map<String, String> error(String code, String msg, String subCode, String subMsg) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", msg);
        answer.put("sub_code", subCode);
        answer.put("sub_msg", subMsg);
        return answer;
    }

    private static Answer rejected(Map<String, String> fields) {
        return new Answer(true, fields);
    }

    private static String canonical(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(entry -> !entry.getKey().equals("sign") && !entry.getKey().equals("sign_type"))
                .filter(entry -> entry.getValue() != null && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> sign(Map<String, String> fields, PrivateKey key) {
        Map<String, String> signed = new TreeMap<>(fields);
        signed.put("sign_type", "RSA2");
        signed.put("sign", signature(canonical(fields), key));
        return signed;
    }

    private static String signature(String text, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(Map<String, String> parameters, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(canonical(parameters).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(parameters.getOrDefault("sign", "")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer's fields; {@code beforeMethod} when the gateway refused the call before running it ({@code error_response}). */
    private record Answer(boolean beforeMethod, Map<String, String> fields) {
    }

    private static final class MutableTrade {
        final String outTradeNo;
        final String tradeNo;
        final BigDecimal totalAmount;
        final String currency;
        final String subject;
        final String notifyUrl;
        final String qrCode;
        final Map<String, String> refunds = new LinkedHashMap<>();
        String status = "WAIT_BUYER_PAY";
        BigDecimal refunded = BigDecimal.ZERO;
        String buyerId;
        Instant paidAt;

        MutableTrade(String outTradeNo, String tradeNo, BigDecimal totalAmount, String currency, String subject,
                String notifyUrl, String qrCode) {
            this.outTradeNo = outTradeNo;
            this.tradeNo = tradeNo;
            this.totalAmount = totalAmount;
            this.currency = currency;
            this.subject = subject;
            this.notifyUrl = notifyUrl;
            this.qrCode = qrCode;
        }

        Trade snapshot() {
            return new Trade(outTradeNo, tradeNo, totalAmount, currency, subject, notifyUrl, qrCode, status, refunded,
                    buyerId, paidAt);
        }
    }
}
