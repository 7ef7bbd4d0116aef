package receivables.payments.wallet.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderFailure.Kind;

/**
 * Calls the wallet gateway: one signed form-encoded POST per call, one signed JSON answer. Turns every way
 * a call can go wrong into the {@link ProviderFailure} kind that tells the core whether anything may have
 * happened at the gateway. Nothing here is logged: requests carry signatures and answers carry payer data.
 */
final class WalletGateway {

    /** The gateway keeps its clock in China Standard Time, as Alipay's does; timestamps carry no zone. */
    static final ZoneId GATEWAY_ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(GATEWAY_ZONE);

    private final ObjectMapper json;
    private final Clock clock;
    // HttpClient fixes its connect timeout at build time: one client per timeout the tenants configure.
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    WalletGateway(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    ObjectNode bizContent() {
        return json.createObjectNode();
    }

    /**
     * Sends {@code method} with {@code bizContent} and returns the verified answer: a success, or a business
     * refusal ({@code 40004}) for the caller to judge. Everything else is thrown.
     *
     * @param outTradeNo the trade the call is about; a successful answer about another trade is not trusted
     * @param notifyUrl  where the gateway sends notifications about the trade, or {@code null}
     */
    GatewayAnswer call(WalletAccount account, String method, ObjectNode bizContent, String outTradeNo, URI notifyUrl)
            throws ProviderFailure {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("app_id", account.appId());
        parameters.put("method", method);
        parameters.put("charset", "utf-8");
        parameters.put("timestamp", TIMESTAMP.format(clock.instant()));
        parameters.put("version", "1.0");
        if (notifyUrl != null) {
            parameters.put("notify_url", notifyUrl.toString());
        }
        parameters.put("biz_content", bizContent.toString());
        String form = SignedParameters.sign(parameters, account.merchantKey()).entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(account.gatewayUrl())
                .timeout(account.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(client(account.connectTimeout()), request, method);
        if (response.statusCode() >= 500) {
            throw new ProviderFailure(Kind.UNAVAILABLE, method + ": the gateway answered HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new ProviderFailure(Kind.INVALID_REQUEST, method + ": the gateway answered HTTP " + response.statusCode()
                    + "; check the setting " + WalletAccount.GATEWAY_URL);
        }
        GatewayAnswer answer = verified(account, method, response.body());
        if (answer.succeeded() && !outTradeNo.equals(answer.fields().get("out_trade_no"))) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": the gateway's answer is about another trade");
        }
        if (answer.succeeded() || GatewayAnswer.BUSINESS_FAILURE.equals(answer.fields().get("code"))) {
            return answer;
        }
        throw answer.failure();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, String method) throws ProviderFailure {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderFailure(Kind.UNAVAILABLE, method + ": cannot connect to the gateway at "
                    + request.uri().getAuthority() + ": " + cause(e), e);
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": no answer from the gateway within "
                    + request.timeout().map(Duration::toMillis).orElse(0L) + " ms", e);
        } catch (IOException e) {
            // The request may have reached the gateway before the connection broke.
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": the connection to the gateway failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": interrupted while waiting for the gateway", e);
        }
    }

    /**
     * What went wrong, in words: the JDK's connection failures often carry no message of their own (a refused
     * connection is a {@code ConnectException} with none), so their causes and kinds are named instead.
     */
    static String cause(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                return current.getMessage();
            }
        }
        return failure instanceof HttpConnectTimeoutException ? "no connection within the connect timeout"
                : failure instanceof ConnectException ? "the connection was refused"
                : failure.getClass().getSimpleName();
    }

    /**
     * The answer is {@code {"<method>_response": {...}, "sign": "..."}} (or {@code error_response} when the
     * gateway rejects the call before its method runs), signed over the response object's fields in the same
     * canonical form as requests. Only those scalar fields are read, so nothing unsigned is trusted.
     */
    private GatewayAnswer verified(WalletAccount account, String method, String body) throws ProviderFailure {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": the gateway's answer is not JSON");
        }
        JsonNode response = root == null ? null : root.get(method.replace('.', '_') + "_response");
        if (response == null && root != null) {
            response = root.get("error_response");
        }
        if (response == null || !response.isObject() || !root.path(SignedParameters.SIGNATURE).isTextual()) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": the gateway's answer is not a signed response");
        }
        Map<String, String> fields = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : response.properties()) {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        }
        fields.put(SignedParameters.SIGNATURE, root.get(SignedParameters.SIGNATURE).asText());
        if (!SignedParameters.verify(fields, account.gatewayKey())) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, method + ": the gateway's answer is not signed with "
                    + WalletAccount.GATEWAY_PUBLIC_KEY + "; not trusted");
        }
        fields.remove(SignedParameters.SIGNATURE);
        return new GatewayAnswer(method, fields);
    }

    Instant now() {
        return clock.instant();
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
