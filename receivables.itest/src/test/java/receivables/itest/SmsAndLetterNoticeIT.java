package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.notices.sms.emulator.SmsGatewayEmulator;

/**
 * The exported host, started with {@code java -jar}, dunning one customer by SMS and another by letter: the SMS
 * channel bundle resolves in the reference host and texts the notice through the tenant's gateway (the emulator in
 * this JVM, its token in clear in {@code etc/}, which shows in no answer and no log line), and the letter channel
 * queues the other notice for printing, its PDF downloaded and the letter marked printed over REST. The dunning
 * schedule takes the tenant's time zone and refuses another.
 */
public class SmsAndLetterNoticeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "it-sms-Token-0042";

    @Test
    public void aDunningRunTextsOneCustomerAndQueuesALetterForAnother() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "it", "sms-" + UUID.randomUUID()).toAbsolutePath());
        try (SmsGatewayEmulator gateway = new SmsGatewayEmulator(TOKEN);
                HostProcess host = new HostProcess(directory, Map.of())) {
            Files.writeString(directory.resolve("etc/receivables.channel.account-sms.config"),
                    "tenant=\"" + Http.DEFAULT_TENANT + "\"\n"
                            + "channel=\"sms\"\n"
                            + "settings=[\"endpoint=" + gateway.endpoint() + "\",\"senderId=AR\","
                            + "\"defaultCountryCode=86\",\"connectTimeoutMillis=2000\"]\n"
                            + "secrets=[\"apiToken=" + TOKEN + "\"]\n");
            host.start();

            String texted = JSON.readTree(host.send("POST", "/api/v1/customers", "{\"name\":\"北京短信有限公司\","
                    + "\"currency\":\"EUR\",\"phone\":\"138 0013 8000\",\"segment\":\"SMS\"}").body()).get("id").asText();
            String posted = JSON.readTree(host.send("POST", "/api/v1/customers", "{\"name\":\"Letter GmbH\","
                    + "\"currency\":\"EUR\",\"segment\":\"POST\",\"billingAddress\":{\"line1\":\"Hauptstr. 1\","
                    + "\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}}").body()).get("id").asText();
            policy(host, "SMS", "zh-CN", "sms");
            policy(host, "POST", "en", "letter");
            host.issueInvoice(texted, "SO-SMS-1", LocalDate.now().minusDays(30));
            host.issueInvoice(posted, "SO-POST-1", LocalDate.now().minusDays(30));

            HttpResponse<String> run = host.send("POST", "/api/v1/dunning/runs", "{}");
            assertEquals(run.body(), 200, run.statusCode());
            JsonNode text = DunningNotices.awaitDelivered(host, texted);
            JsonNode letter = DunningNotices.awaitDelivered(host, posted);

            assertEquals(text.toString(), "DELIVERED", text.get("delivery").asText());
            assertTrue(text.toString(), text.get("deliveryDetail").asText().contains("UCS-2"));
            assertEquals(1, gateway.messages().size());
            SmsGatewayEmulator.Message sent = gateway.messages().get(0);
            assertEquals("+8613800138000", sent.to());
            assertEquals("UCS2", sent.encoding());
            assertTrue(sent.text(), sent.text().contains("北京短信有限公司"));
            assertEquals(sent.statedSegments(), sent.segments());
            assertFalse(text.toString().contains(TOKEN));

            assertEquals(letter.toString(), "queued for printing", letter.get("deliveryDetail").asText());
            JsonNode queue = JSON.readTree(host.send("GET", "/api/v1/dunning/letters", null).body());
            assertEquals(queue.toString(), 1, queue.size());
            String noticeId = queue.get(0).get("noticeId").asText();
            assertEquals("Letter GmbH\nHauptstr. 1\n10115 Berlin\nDE", queue.get(0).get("address").asText());
            HttpResponse<byte[]> pdf = host.sendBytes(host.request("/api/v1/dunning/letters/" + noticeId + "/pdf").GET());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
            HttpResponse<String> printed = host.send("POST", "/api/v1/dunning/letters/" + noticeId + "/printed", null);
            assertEquals(printed.body(), 200, printed.statusCode());
            assertNotNull(JSON.readTree(printed.body()).get("printedAt").asText(null));
            assertEquals("[]", host.send("GET", "/api/v1/dunning/letters", null).body());
            assertEquals(404, host.send("GET", "/api/v1/dunning/letters/not-a-notice/pdf", null).statusCode());

            // The schedule runs in the tenant's zone: a body may name that zone, never another.
            String zone = JSON.readTree(host.send("GET", "/api/v1/dunning/schedule", null).body()).get("zone").asText();
            HttpResponse<String> same = host.send("PUT", "/api/v1/dunning/schedule",
                    "{\"runAt\":\"07:30\",\"zone\":\"" + zone + "\"}");
            assertEquals(same.body(), 200, same.statusCode());
            assertEquals("07:30", JSON.readTree(same.body()).get("runAt").asText());
            HttpResponse<String> other = host.send("PUT", "/api/v1/dunning/schedule", "{\"runAt\":\"07:30\",\"zone\":\""
                    + (zone.equals("Asia/Shanghai") ? "Europe/Berlin" : "Asia/Shanghai") + "\"}");
            assertEquals(other.body(), 400, other.statusCode());
            assertEquals(other.body(), "zone", JSON.readTree(other.body()).at("/errors/0/field").asText());

            host.stop();
            String log = Files.readString(directory.resolve("host.log"), StandardCharsets.UTF_8);
            assertFalse("the host logged the SMS gateway token", log.contains(TOKEN));
        }
    }

    private static void policy(HostProcess host, String code, String language, String channel) throws Exception {
        HttpResponse<String> policy = host.send("PUT", "/api/v1/dunning/policies/" + code, "{\"name\":\"" + code
                + "\",\"language\":\"" + language + "\",\"channel\":\"" + channel + "\",\"segments\":[\"" + code
                + "\"],\"chargeTermsCode\":\"NET14\",\"levels\":[{\"days\":7,\"fee\":5}]}");
        assertEquals(policy.body(), 200, policy.statusCode());
    }

}
