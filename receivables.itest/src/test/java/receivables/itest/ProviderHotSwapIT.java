package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's example provider bundle (receivables.payments.paylink, built by this reactor) dropped into deploy/
 * of the running host: offered and usable without a restart; taken away, new intents for it are refused with a
 * problem while existing ones stay readable and their notifications are answered 503 (retry later); put back, those
 * complete. Its secret rests sealed in ConfigAdmin, and
 * the web console offers the account's form with the secrets as a password attribute. What the provider's own code
 * throws never becomes a 500: a notification it cannot read is a 400 problem, a start it breaks on is recorded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProviderHotSwapIT extends InReferenceHost {

    private static final String SIGNING_KEY = "paylink-signing-key-of-default";

    public ProviderHotSwapIT() {
        super("provider-swap");
    }

    @Override
    @Configuration
    public Option[] configuration() {
        return host().options(file -> false, Map.of());
    }

    @Test
    public void aProviderBundleComesGoesAndComesBackWhileItsIntentsSurvive() throws Exception {
        org.osgi.service.cm.Configuration account = configurationAdmin.getFactoryConfiguration(
                "receivables.provider.account", "default-paylink", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("tenant", "default");
        properties.put("provider", "paylink");
        properties.put("settings", new String[] { "pageUrl=https://pay.example/link" });
        properties.put("secrets", new String[] { "signingKey=" + SIGNING_KEY });
        account.update(properties);
        try {
            assertTrue(http.get("/api/v1/payment-providers").body(), http.get("/api/v1/payment-providers").json().isEmpty());
            String invoice = issuedInvoice(http, "SO-SWAP-1");
            String intent = "{\"invoiceId\":\"" + invoice + "\",\"provider\":\"paylink\"}";
            assertProblem(http.postWithKey("/api/v1/payment-intents", intent, "swap-0"), 400, "provider");

            Path deployed = deploy();
            http.await("/api/v1/payment-providers", reply -> reply.body().contains("\"paylink\""), Duration.ofSeconds(30));
            JsonNode offer = http.get("/api/v1/payment-providers").json().get(0);
            assertEquals("Pay by link", offer.get("name").asText());
            assertEquals("[]", offer.get("capabilities").toString());
            assertEquals("[\"REDIRECT\"]", offer.get("presentations").toString());
            Http.Reply created = http.postWithKey("/api/v1/payment-intents", intent, "swap-1");
            assertEquals(created.body(), 201, created.status());
            String intentId = created.json().get("id").asText();
            assertEquals("PENDING", created.json().get("status").asText());
            assertTrue(created.json().at("/instructions/redirectUrl").asText().startsWith("https://pay.example/link?intent="
                    + intentId));

            Files.delete(deployed);
            http.await("/api/v1/payment-providers", reply -> reply.json().isEmpty(), Duration.ofSeconds(30));
            String second = issuedInvoice(http, "SO-SWAP-2");
            Http.Reply refused = http.postWithKey("/api/v1/payment-intents",
                    "{\"invoiceId\":\"" + second + "\",\"provider\":\"paylink\"}", "swap-2");
            assertProblem(refused, 400, "provider");
            assertTrue(refused.body(), refused.body().contains("not installed"));
            assertEquals("PENDING", http.get("/api/v1/payment-intents/" + intentId).json().get("status").asText());
            String paid = "intent=" + intentId + "&status=paid&amount=119.00&currency=EUR&paid_at=2026-03-10T10:00:00Z";
            // The tenant awaits the provider: the channel is asked to try again later, and nothing is booked.
            Http.Reply away = notify(http, paid, sign(paid));
            assertEquals(away.body(), 503, away.status());
            assertTrue(away.body(), away.body().contains("/problems/provider-unavailable"));
            assertEquals("30", away.headers().firstValue("Retry-After").orElse(""));
            assertEquals("PENDING", http.get("/api/v1/payment-intents/" + intentId).json().get("status").asText());
            // A provider the tenant has no account for stays a 404: nothing will ever take its notifications.
            assertEquals(404, http.postAnonymous("/api/v1/payments/notifications/nobody?tenant=default", paid,
                    "application/x-www-form-urlencoded", "X-Paylink-Signature", sign(paid)).status());

            deploy();
            http.await("/api/v1/payment-providers", reply -> reply.body().contains("\"paylink\""), Duration.ofSeconds(30));
            assertProblem(notify(http, paid, sign("forged")), 400, "notification");
            assertEquals("PENDING", http.get("/api/v1/payment-intents/" + intentId).json().get("status").asText());
            String unreadable = paid.replace("2026-03-10T10:00:00Z", "yesterday");
            assertProblem(notify(http, unreadable, sign(unreadable)), 400, "notification");
            assertEquals("PENDING", http.get("/api/v1/payment-intents/" + intentId).json().get("status").asText());
            for (int i = 0; i < 3; i++) {
                Http.Reply answer = notify(http, paid, sign(paid));
                assertEquals(answer.body(), 200, answer.status());
                assertEquals("ok", answer.body());
            }
            JsonNode done = http.get("/api/v1/payment-intents/" + intentId).json();
            assertEquals("SUCCEEDED", done.get("status").asText());
            assertEquals("PAID", http.get("/api/v1/invoices/" + invoice).json().get("status").asText());
            assertEquals("119.00", http.get("/api/v1/payments/" + done.get("paymentId").asText()).json()
                    .at("/amount/amount").asText());

            Http.Reply form = http.postAsUser("/system/console/configMgr/receivables.provider.account?post=true", "admin",
                    http.consolePassword());
            assertEquals(form.body(), 200, form.status());
            assertTrue(form.body(), form.json().at("/properties/secrets/type").asInt() == 12);

            String stored = String.join(",", (String[]) configurationAdmin.getConfiguration(account.getPid(), "?")
                    .getProperties().get("secrets"));
            assertTrue(stored, stored.startsWith("signingKey={sealed}"));
            assertTrue(!stored.contains(SIGNING_KEY));

            properties.put("settings", new String[] { "pageUrl=https://pay.example/a link with spaces" });
            account.update(properties);
            String third = issuedInvoice(http, "SO-SWAP-3");
            JsonNode broken = null;
            for (int i = 0; i < 50 && (broken == null || !"FAILED".equals(broken.get("status").asText())); i++) {
                Thread.sleep(200);
                Http.Reply reply = http.postWithKey("/api/v1/payment-intents",
                        "{\"invoiceId\":\"" + third + "\",\"provider\":\"paylink\"}", "swap-3-" + i);
                // While ConfigAdmin hands the account over again, the tenant has briefly no paylink account (400).
                if (reply.status() == 201) {
                    broken = reply.json();
                }
            }
            // A page address that is no URL is the provider's typed, final refusal, not an unexpected exception.
            assertEquals(broken.toString(), "FAILED", broken.get("status").asText());
            assertEquals("INVALID_REQUEST: setting pageUrl of tenant default is not a URL", broken.get("lastError").asText());
        } finally {
            account.delete();
        }
    }

    private Path deploy() throws Exception {
        Path jar = Path.of(System.getProperty("receivables.examples.dir", "target/examples"), "receivables.payments.paylink.jar");
        Path target = Path.of(context.getProperty(ReferenceHost.DEPLOY_PROPERTY)).resolve("receivables.payments.paylink.jar");
        Files.copy(jar, target);
        return target;
    }

    private static String issuedInvoice(Http http, String orderId) {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Link payer " + orderId + "\",\"currency\":\"EUR\"}")
                .json().get("id").asText();
        String invoice = http.post("/api/v1/invoices", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"BOX\",\"quantity\":1,"
                + "\"unitPrice\":100.00,\"taxRate\":19}]}").json().get("id").asText();
        http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}");
        return invoice;
    }

    private static Http.Reply notify(Http http, String body, String signature) {
        return http.postAnonymous("/api/v1/payments/notifications/paylink?tenant=default", body,
                "application/x-www-form-urlencoded", "X-Paylink-Signature", signature);
    }

    private static String sign(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertProblem(Http.Reply reply, int status, String field) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertTrue(reply.body(), reply.body().contains("\"field\":\"" + field + "\""));
        }
    }
}
