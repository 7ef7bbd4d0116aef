package receivables.notices.sms.emulator;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import receivables.testkit.LoopbackGateway;

/**
 * An SMS gateway on loopback that speaks the protocol {@code GatewaySmsChannel} documents: {@code POST
 * <endpoint>/messages} with a bearer token and an {@code Idempotency-Key}, a JSON message in, a JSON answer out. It
 * keeps the messages it took in memory, refuses the numbers it is told to, and can be told to misbehave.
 *
 * <p>It counts segments with its own code rather than the channel's: like a real gateway it bills what it counts,
 * so a mistake in either shows as a difference between what the channel stated and what the gateway took.
 */
public final class SmsGatewayEmulator extends LoopbackGateway<SmsGatewayEmulator.Misbehaviour> {

    /** Ways to answer the next calls badly. */
    public enum Misbehaviour {
        /** Take the message, then answer only after {@link #slowness(Duration)}: the caller times out. */
        SLOW,
        /** Answer HTTP 503 without taking anything. */
        SERVER_ERROR,
        /** Answer HTTP 429 without taking anything. */
        TOO_MANY_REQUESTS
    }

    /** A message as the gateway took it; {@code segments} as the gateway counts (and bills) them. */
    public record Message(String id, String from, String to, String text, String encoding, int segments,
            int statedSegments, String reference) {
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private final String apiToken;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Message> byReference = new LinkedHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** Starts the gateway on a free loopback port; it takes calls that carry {@code apiToken}. */
    public SmsGatewayEmulator(String apiToken) throws IOException {
        super("/sms/v1/messages");
        this.apiToken = apiToken;
    }

    /** The base URL a tenant configures as {@code endpoint}. */
    public URI endpoint() {
        return url("/sms/v1");
    }

    /** The gateway refuses to send to {@code number} (E.164) from now on, as for a number that is out of service. */
    public void refuse(String number) {
        refused.add(number);
    }

    /** The messages taken, each once however often it was sent. */
    public synchronized List<Message> messages() {
        return new ArrayList<>(byReference.values());
    }

    @Override
    protected void answer(HttpExchange exchange, Misbehaviour misbehaviour) throws IOException, InterruptedException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, error("method_not_allowed", "POST only"));
            return;
        }
        if (misbehaviour == Misbehaviour.SERVER_ERROR) {
            respond(exchange, 503, error("unavailable", "upstream carrier unavailable"));
            return;
        }
        if (misbehaviour == Misbehaviour.TOO_MANY_REQUESTS) {
            respond(exchange, 429, error("rate_limited", "slow down"));
            return;
        }
        if (!("Bearer " + apiToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, error("unauthorized", "unknown token"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body;
        try {
            body = json.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            respond(exchange, 400, error("invalid_request", "the body is not JSON"));
            return;
        }
        Answer answer = take(body, key);
        if (misbehaviour == Misbehaviour.SLOW) {
            dawdle();
        }
        respond(exchange, answer.status(), answer.body());
    }

    private synchronized Answer take(JsonNode body, String key) {
        String reference = body.path("reference").asText("");
        if (key == null || key.isBlank() || !key.equals(reference)) {
            return new Answer(400, error("invalid_request", "Idempotency-Key must be the message's reference"));
        }
        Message earlier = byReference.get(reference);
        if (earlier != null) {
            return new Answer(200, taken(earlier));
        }
        String to = body.path("to").asText("");
        String text = body.path("text").asText("");
        String encoding = body.path("encoding").asText("");
        if (!to.matches("\\+[1-9][0-9]{6,14}")) {
            return new Answer(400, error("invalid_number", "to is not an E.164 number"));
        }
        if (refused.contains(to)) {
            return new Answer(422, error("number_refused", "the number does not take messages"));
        }
        if (text.isEmpty() || body.path("from").asText("").isEmpty()) {
            return new Answer(400, error("invalid_request", "from and text are required"));
        }
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        if (!encoding.equals("UCS2") && !(encoding.equals("GSM7") && gsm)) {
            return new Answer(400, error("invalid_encoding", "the text cannot be sent as " + encoding));
        }
        Message message = new Message("SM" + (byReference.size() + 1), body.path("from").asText(), to, text, encoding,
                segments(text, encoding), body.path("segments").asInt(-1), reference);
        byReference.put(reference, message);
        return new Answer(201, taken(message));
    }

    /** Units over the room per segment, rounded up: 160 or 70 for one, 153 or 67 each when concatenated. */
    private static int segments(String text, String encoding) {
        boolean gsm = encoding.equals("GSM7");
        int units = gsm ? text.length() + (int) text.chars().filter(c -> GSM_EXTENSION.indexOf(c) >= 0).count()
                : text.length();
        if (units <= (gsm ? 160 : 70)) {
            return 1;
        }
        int room = gsm ? 153 : 67;
        return (units + room - 1) / room;
    }

    private String taken(Message message) {
        return json.createObjectNode().put("id", message.id()).put("status", "accepted")
                .put("segments", message.segments()).toString();
    }

    private String error(String code, String text) {
        return json.createObjectNode().put("error", code).put("message", text).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "application/json", body);
    }

    private record Answer(int status, String body) {
    }
}
