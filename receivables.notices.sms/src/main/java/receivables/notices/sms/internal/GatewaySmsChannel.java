package receivables.notices.sms.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;

/**
 * The {@code sms} notice channel: sends each notice's text to the customer's phone through the tenant's HTTP SMS
 * gateway, in GSM-7 when the text allows it and in UCS-2 otherwise (any Chinese text), its segments counted.
 *
 * <p>The gateway protocol (JSON over HTTPS): {@code POST <endpoint>/messages} with {@code Authorization: Bearer
 * <apiToken>}, {@code Idempotency-Key: <notice id>} and the body {@code {"from", "to", "text", "encoding", "segments",
 * "reference"}} ({@code to} in E.164, {@code encoding} {@code GSM7} or {@code UCS2}, {@code reference} the notice id).
 * The gateway answers {@code 201} (or {@code 200} for a reference it has already taken, without sending again)
 * with {@code {"id", "status", "segments"}}; a number it will not send to with {@code 400} or {@code 422} and
 * {@code {"error", "message"}}. The answer decides the outcome: taken is {@code DELIVERED}; a refused number or
 * message (400, 404, 410, 413, 422), a phone number that is no number or a text longer than {@code maxSegments} are
 * {@code REFUSED}; refused credentials (401, 403), 408, 429, a 5xx, a gateway that cannot be reached and missing or
 * wrong settings are {@code FAILED_FOR_NOW}, and the core tries again with the next run. Every attempt at one notice
 * carries the same reference, so a retry after an answer that got lost sends nothing twice.
 */
@Component(service = NoticeChannel.class, property = NoticeChannel.ID + "=" + GatewaySmsChannel.ID)
public class GatewaySmsChannel implements NoticeChannel {

    static final String ID = "sms";
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySmsChannel.class);
    private static final int MAX_DETAIL = 300;

    private final ObjectMapper json = new ObjectMapper();
    /** One client per connect timeout: a client holds threads and connections, so it is kept, not made per notice. */
    private final Map<Integer, HttpClient> clients = new ConcurrentHashMap<>();

    @Override
    public AddressKind address() {
        return AddressKind.PHONE;
    }

    @Override
    public NoticeDelivery deliver(ChannelContext context, NoticeMessage message) {
        SmsAccount account;
        try {
            account = SmsAccount.of(context);
        } catch (IllegalArgumentException e) {
            return NoticeDelivery.failedForNow("SMS is not configured for this tenant: " + e.getMessage());
        }
        String to = account.international(message.address());
        if (to == null) {
            return NoticeDelivery.refused("the customer's phone number is not a number in international form"
                    + (account.defaultCountryCode().isEmpty() ? " (the account sets no defaultCountryCode)" : ""));
        }
        SmsText text = SmsText.of(message.body() == null ? "" : message.body().strip());
        if (text.segments() == 0) {
            return NoticeDelivery.refused("the notice has no text to send");
        }
        if (text.segments() > account.maxSegments()) {
            return NoticeDelivery.refused("the notice takes " + text.describe() + ", more than the account's maxSegments "
                    + account.maxSegments() + ": shorten the template of this level and language");
        }
        ObjectNode body = json.createObjectNode()
                .put("from", account.senderId())
                .put("to", to)
                .put("text", text.text())
                .put("encoding", text.encoding().name())
                .put("segments", text.segments())
                .put("reference", message.noticeId().toString());
        HttpRequest request = HttpRequest.newBuilder(account.messages())
                .timeout(Duration.ofMillis(account.timeoutMillis()))
                .header("Authorization", "Bearer " + account.apiToken())
                .header("Idempotency-Key", message.noticeId().toString())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        NoticeDelivery delivery;
        try {
            HttpResponse<String> response = client(account.connectTimeoutMillis()).send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            delivery = outcome(response.statusCode(), response.body(), text);
        } catch (IOException e) {
            delivery = NoticeDelivery.failedForNow("the SMS gateway cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = NoticeDelivery.failedForNow("sending was interrupted");
        }
        if (delivery.outcome() != NoticeDelivery.Outcome.DELIVERED) {
            LOG.info("Notice {} of tenant {} was not texted ({}): {}", message.noticeId(), context.tenant().value(),
                    delivery.outcome(), delivery.detail());
        }
        return delivery;
    }

    /** What the gateway's answer means for the notice. */
    NoticeDelivery outcome(int status, String answer, SmsText text) {
        JsonNode read = read(answer);
        if (status == 200 || status == 201 || status == 202) {
            return NoticeDelivery.delivered("taken by the SMS gateway as " + detail(read.path("id").asText("?")) + ", "
                    + text.describe());
        }
        String said = detail(read.path("error").asText("") + (read.hasNonNull("message") ? ": "
                + read.get("message").asText() : ""));
        String what = "the SMS gateway answered " + status + (said.isEmpty() ? "" : " " + said);
        return switch (status) {
            case 400, 404, 410, 413, 422 -> NoticeDelivery.refused(what);
            default -> NoticeDelivery.failedForNow(what);
        };
    }

    private JsonNode read(String answer) {
        try {
            JsonNode node = answer == null || answer.isBlank() ? null : json.readTree(answer);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private HttpClient client(int connectTimeoutMillis) {
        return clients.computeIfAbsent(connectTimeoutMillis, millis -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(millis)).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** What the gateway said, for people to read: one line, short. */
    static String detail(String said) {
        String line = said.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }
}
