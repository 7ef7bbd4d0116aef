package receivables.notices.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import receivables.api.TenantId;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeAttachment;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeDelivery.Outcome;
import receivables.api.channel.NoticeMessage;
import receivables.notices.mail.testing.ScriptedSmtpServer;

/**
 * The e-mail channel against real SMTP servers on the loopback address: GreenMail, which takes the message and hands
 * it back to be read, and a scripted server that refuses recipients the way real ones do.
 */
class SmtpNoticeChannelTest {

    static final TenantId TENANT = new TenantId("acme");
    static final String PASSWORD = "s3cret-Pa55word!";
    static final byte[] PDF = "%PDF-1.7 a notice".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ar@acme.example", "ar", PASSWORD));

    private final SmtpNoticeChannel channel = new SmtpNoticeChannel();

    @Test
    void aNoticeArrivesWithItsChineseSubjectBothBodiesAndThePdf() throws Exception {
        NoticeDelivery delivery = channel.deliver(context(greenMail.getSmtp().getPort(), "NONE", "ar"),
                message("customer@example.com"));

        assertThat(delivery.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(delivery.detail()).startsWith("250");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("customer@example.com");
        assertThat(mail.getFrom()[0].toString()).contains("ar@acme.example");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("逾期付款通知（第2级）");
        assertThat(mail.getHeader("Content-Language")).containsExactly("zh-CN");
        assertThat(mail.getMessageID()).isEqualTo("<" + NOTICE + ".notice@receivables>");

        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("上海贸易有限公司", "1200.00 CNY");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<td>1200.00 CNY</td>");
        Part pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(MimeUtility.decodeText(pdf.getFileName())).isEqualTo("催款通知-2026-03-02.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void aRecipientTheServerRefusesForGoodIsRefusedWithoutNamingTheAddress() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "550 5.1.1 <" + address + ">: user unknown")) {
            NoticeDelivery delivery = channel.deliver(context(server.port(), "NONE", ""), message("nobody@example.com"));

            assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(delivery.detail()).contains("550").contains("user unknown").doesNotContain("nobody@example.com");
            assertThat(server.accepted()).isEmpty();
        }
    }

    @Test
    void aRecipientRefusedForNowIsTriedAgainLater() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "451 4.3.0 mailbox busy, try later")) {
            NoticeDelivery delivery = channel.deliver(context(server.port(), "NONE", ""), message("busy@example.com"));

            assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
            assertThat(delivery.detail()).contains("451");
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAFailureForNow() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        NoticeDelivery delivery = channel.deliver(context(closedPort, "NONE", ""), message("customer@example.com"));

        assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
        assertThat(delivery.detail()).contains("cannot be reached");
    }

    @Test
    void starttlsIsRequiredNotHopedFor() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "250 2.1.5 ok")) {
            NoticeDelivery delivery = channel.deliver(context(server.port(), "STARTTLS", "ar"), message("customer@example.com"));

            assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
            assertThat(delivery.detail()).containsIgnoringCase("STARTTLS");
            assertThat(server.accepted()).isEmpty();
        }
    }

    @Test
    void wrongCredentialsAreAFailureForNowAndThePasswordIsNeverShown() {
        Map<String, String> settings = new HashMap<>(settings(greenMail.getSmtp().getPort(), "NONE", "ar"));
        settings.put("password", "wrong-" + PASSWORD);
        ChannelContext context = new ChannelContext(TENANT, settings);

        NoticeDelivery delivery = channel.deliver(context, message("customer@example.com"));

        assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
        assertThat(delivery.detail()).contains("credentials").doesNotContain(PASSWORD);
        assertThat(context.toString()).doesNotContain(PASSWORD);
        assertThat(SmtpAccount.of(context).toString()).doesNotContain(PASSWORD).contains("withheld");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void missingOrWrongSettingsAndBadAddressesAreAnsweredNotThrown() {
        assertThat(channel.deliver(new ChannelContext(TENANT, Map.of()), message("customer@example.com")))
                .extracting(NoticeDelivery::outcome).isEqualTo(Outcome.FAILED_FOR_NOW);
        Map<String, String> badPort = new HashMap<>(settings(25, "NONE", ""));
        badPort.put("port", "70000");
        assertThat(channel.deliver(new ChannelContext(TENANT, badPort), message("customer@example.com")).detail())
                .contains("port");
        Map<String, String> badSecurity = new HashMap<>(settings(25, "NONE", ""));
        badSecurity.put("security", "maybe");
        assertThat(channel.deliver(new ChannelContext(TENANT, badSecurity), message("customer@example.com")).detail())
                .contains("security");
        for (String address : List.of("not an address", "a@b@c", "x@y.z\r\nBcc: victim@example.com", "")) {
            assertThat(channel.deliver(context(greenMail.getSmtp().getPort(), "NONE", ""), message(address)).outcome())
                    .as(address).isEqualTo(Outcome.REFUSED);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void detailsKeepNoAddressesAndStayShort() {
        assertThat(SmtpNoticeChannel.detail("550 5.1.1 <a.b@c.example>: Recipient address rejected\r\n  x@y.z"))
                .isEqualTo("550 5.1.1 <address>: Recipient address rejected <address>");
        assertThat(SmtpNoticeChannel.detail("4".repeat(1000))).hasSizeLessThanOrEqualTo(301);
    }

    static final UUID NOTICE = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

    static NoticeMessage message(String address) {
        return new NoticeMessage(TENANT, NOTICE, "上海贸易有限公司", address, "zh-CN", "逾期付款通知（第2级）",
                "上海贸易有限公司，您好：\n\n- INV-2026-000001 第1期，未付 1200.00 CNY",
                "<!DOCTYPE html><html><body><table><tr><td>1200.00 CNY</td></tr></table></body></html>",
                List.of(new NoticeAttachment("催款通知-2026-03-02.pdf", "application/pdf", PDF)));
    }

    static ChannelContext context(int port, String security, String user) {
        return new ChannelContext(TENANT, settings(port, security, user));
    }

    static Map<String, String> settings(int port, String security, String user) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "security", security, "from", "ar@acme.example", "fromName", "Acme 应收账款",
                "connectTimeoutMillis", "2000", "timeoutMillis", "5000"));
        if (!user.isEmpty()) {
            settings.put("user", user);
            settings.put("password", PASSWORD);
        }
        return settings;
    }
}
