package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

import receivables.notices.mail.testing.ScriptedSmtpServer;

/**
 * The exported host, started with {@code java -jar}, dunning a customer by e-mail: the e-mail channel bundle
 * resolves and is offered in the reference host, the tenant's SMTP account (password in clear in {@code etc/}) is
 * used, and the notice reaches an SMTP server in this JVM with its PDF, while the password shows in no answer and
 * no log line of the host.
 */
public class MailNoticeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "it-smtp-Secret-77";

    @Test
    public void aDunningRunMailsTheNoticeThroughTheTenantsSmtpServer() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "it", "mail-" + UUID.randomUUID()).toAbsolutePath());
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(address -> "250 2.1.5 ok");
                HostProcess host = new HostProcess(directory, Map.of())) {
            Files.writeString(directory.resolve("etc/receivables.channel.account-email.config"),
                    "tenant=\"" + Http.DEFAULT_TENANT + "\"\n"
                            + "channel=\"email\"\n"
                            + "settings=[\"host=127.0.0.1\",\"port=" + smtp.port() + "\",\"security=NONE\","
                            + "\"from=ar@default.example\",\"connectTimeoutMillis=2000\"]\n"
                            + "secrets=[\"password=" + PASSWORD + "\"]\n");
            host.start();

            String customer = JSON.readTree(host.send("POST", "/api/v1/customers", "{\"name\":\"北京<测试>有限公司\","
                    + "\"currency\":\"EUR\",\"email\":\"ap@beijing.example\"}").body()).get("id").asText();
            HttpResponse<String> policy = host.send("PUT", "/api/v1/dunning/policies/STD", "{\"name\":\"Standard\","
                    + "\"language\":\"zh-CN\",\"channel\":\"email\",\"tenantDefault\":true,\"chargeTermsCode\":\"NET14\","
                    + "\"levels\":[{\"days\":7,\"fee\":5}]}");
            assertEquals(policy.body(), 200, policy.statusCode());
            LocalDate issued = LocalDate.now().minusDays(30);
            host.issueInvoice(customer, "SO-MAIL-1", issued);

            HttpResponse<String> run = host.send("POST", "/api/v1/dunning/runs", "{}");
            assertEquals(run.body(), 200, run.statusCode());
            JsonNode notice = DunningNotices.awaitDelivered(host, customer);

            assertEquals(notice.toString(), "DELIVERED", notice.get("delivery").asText());
            assertEquals(1, smtp.accepted().size());
            String mail = smtp.accepted().get(0);
            assertTrue(mail, mail.contains("To: ap@beijing.example"));
            assertTrue(mail, mail.contains("Subject: =?UTF-8?"));
            assertTrue(mail, mail.contains("Content-Type: application/pdf"));
            assertTrue(mail, mail.contains("Content-Language: zh-CN"));
            assertFalse(notice.toString().contains(PASSWORD));
            HttpResponse<String> template = host.send("GET", "/api/v1/dunning/templates/1/zh-CN", null);
            assertEquals(template.body(), 200, template.statusCode());
            assertTrue(template.body(), template.body().contains("{{items}}"));
            host.stop();
            String log = Files.readString(directory.resolve("host.log"), StandardCharsets.UTF_8);
            assertFalse("the host logged the SMTP password", log.contains(PASSWORD));
        }
    }
}
