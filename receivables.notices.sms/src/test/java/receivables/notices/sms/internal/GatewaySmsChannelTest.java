package receivables.notices.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeDelivery.Outcome;
import receivables.api.channel.NoticeMessage;
import receivables.notices.sms.emulator.SmsGatewayEmulator;
import receivables.notices.sms.emulator.SmsGatewayEmulator.Misbehaviour;

/** The SMS channel against the gateway emulator on loopback: what it sends, and what each answer means. */
class GatewaySmsChannelTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final String TOKEN = "sms-Token-0123456789";

    private final GatewaySmsChannel channel = new GatewaySmsChannel();
    private SmsGatewayEmulator gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new SmsGatewayEmulator(TOKEN);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void theChannelAsksForThePhoneNumber() {
        assertThat(channel.address()).isEqualTo(AddressKind.PHONE);
    }

    @Test
    void aChineseNoticeGoesAsUcs2WithItsSegmentsCountedAndStated() {
        String body = "上海贸易有限公司，您好：以下款项已逾期，请尽快付款：INV-2026-0001 第1期，到期日 2026-03-16，未付 119.00 EUR，"
                + "逾期 9 天。应付合计：124.00 EUR。如已付款，请忽略本通知。";
        NoticeDelivery delivery = channel.deliver(context(Map.of()), message("+86 138-0013-8000", body));

        assertThat(delivery.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(gateway.messages()).hasSize(1);
        SmsGatewayEmulator.Message sent = gateway.messages().get(0);
        assertThat(sent.to()).isEqualTo("+8613800138000");
        assertThat(sent.from()).isEqualTo("ACME");
        assertThat(sent.text()).isEqualTo(body);
        assertThat(sent.encoding()).isEqualTo("UCS2");
        assertThat(sent.segments()).isEqualTo(2).isEqualTo(sent.statedSegments());
        assertThat(delivery.detail()).isEqualTo("taken by the SMS gateway as " + sent.id() + ", 2 segments UCS-2 ("
                + body.length() + " characters)");
    }

    @Test
    void anEnglishNoticeGoesAsGsm7AndANationalNumberTakesTheDefaultCountryCode() {
        String body = "Dear Alpha GmbH, INV-2026-0001 (119.00 EUR) is 9 days overdue. Total to pay: 124.00 EUR.";
        NoticeDelivery delivery = channel.deliver(context(Map.of("defaultCountryCode", "49")),
                message("030 1234567", body));

        assertThat(delivery.outcome()).isEqualTo(Outcome.DELIVERED);
        SmsGatewayEmulator.Message sent = gateway.messages().get(0);
        assertThat(sent.to()).isEqualTo("+49301234567");
        assertThat(sent.encoding()).isEqualTo("GSM7");
        assertThat(sent.segments()).isEqualTo(1).isEqualTo(sent.statedSegments());
    }

    @Test
    void aNumberTheGatewayRefusesIsRefusedForGood() {
        gateway.refuse("+8613900000000");
        NoticeDelivery delivery = channel.deliver(context(Map.of()), message("+8613900000000", "您好"));

        assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(delivery.detail()).isEqualTo("the SMS gateway answered 422 number_refused: the number does not take messages");
        assertThat(gateway.messages()).isEmpty();
    }

    @Test
    void aPhoneNumberThatIsNoNumberIsRefusedWithoutCallingTheGateway() {
        for (String phone : List.of("12345", "+0 123 4567", "call me", "+86 138 0013 8000 ext. 5", "0301234567")) {
            NoticeDelivery delivery = channel.deliver(context(Map.of()), message(phone, "hello"));
            assertThat(delivery.outcome()).as(phone).isEqualTo(Outcome.REFUSED);
        }
        assertThat(gateway.calls()).isZero();
    }

    @Test
    void aTextLongerThanTheAccountAllowsIsRefused() {
        NoticeDelivery delivery = channel.deliver(context(Map.of("maxSegments", "2")), message("+8613800138000",
                "您".repeat(135)));

        assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(delivery.detail()).contains("3 segments UCS-2").contains("maxSegments 2");
        assertThat(gateway.calls()).isZero();
    }

    @Test
    void aGatewayErrorOrThrottleOrBadTokenFailsForNow() {
        gateway.misbehave(Misbehaviour.SERVER_ERROR, 1);
        gateway.misbehave(Misbehaviour.TOO_MANY_REQUESTS, 1);
        assertThat(channel.deliver(context(Map.of()), message("+8613800138000", "hi")).detail())
                .isEqualTo("the SMS gateway answered 503 unavailable: upstream carrier unavailable");
        assertThat(channel.deliver(context(Map.of()), message("+8613800138000", "hi")).outcome())
                .isEqualTo(Outcome.FAILED_FOR_NOW);
        NoticeDelivery unauthorized = channel.deliver(context(Map.of("apiToken", "another-Token-42")),
                message("+8613800138000", "hi"));
        assertThat(unauthorized.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
        assertThat(unauthorized.detail()).startsWith("the SMS gateway answered 401").doesNotContain("another-Token-42");
        assertThat(gateway.messages()).isEmpty();
    }

    @Test
    void aGatewayThatIsDownFailsForNow() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        NoticeDelivery delivery = channel.deliver(context(Map.of("endpoint", "http://127.0.0.1:" + closed + "/sms/v1")),
                message("+8613800138000", "hi"));

        assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
        assertThat(delivery.detail()).startsWith("the SMS gateway cannot be reached");
    }

    /** The answer to the first attempt is lost (the channel times out); the retry is recognised, nothing goes twice. */
    @Test
    void aRetryAfterALostAnswerSendsNothingTwice() {
        gateway.slowness(Duration.ofSeconds(3));
        gateway.misbehave(Misbehaviour.SLOW, 1);
        NoticeMessage notice = message("+8613800138000", "您好，请付款。");
        ChannelContext context = context(Map.of("timeoutMillis", "500"));

        assertThat(channel.deliver(context, notice).outcome()).isEqualTo(Outcome.FAILED_FOR_NOW);
        NoticeDelivery retried = channel.deliver(context, notice);

        assertThat(retried.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(gateway.messages()).hasSize(1);
        assertThat(retried.detail()).contains(gateway.messages().get(0).id());
    }

    @Test
    void missingOrWrongSettingsFailForNowAndNeverShowTheToken() {
        assertThat(channel.deliver(new ChannelContext(TENANT, Map.of()), message("+8613800138000", "hi")).detail())
                .contains("no receivables.channel.account for channel sms");
        for (Map<String, String> wrong : List.of(Map.of("endpoint", "http://sms.example.com/v1"),
                Map.of("endpoint", "ftp://127.0.0.1/"), Map.of("senderId", "A very long sender"),
                Map.of("apiToken", "short"), Map.of("defaultCountryCode", "+49"), Map.of("maxSegments", "11"))) {
            NoticeDelivery delivery = channel.deliver(context(wrong), message("+8613800138000", "hi"));
            assertThat(delivery.outcome()).as(wrong.toString()).isEqualTo(Outcome.FAILED_FOR_NOW);
            assertThat(delivery.detail()).as(wrong.toString()).startsWith("SMS is not configured for this tenant: ")
                    .contains(wrong.keySet().iterator().next()).doesNotContain(TOKEN);
        }
        assertThat(SmsAccount.of(context(Map.of())).toString()).doesNotContain(TOKEN);
        assertThat(gateway.calls()).isZero();
    }

    private ChannelContext context(Map<String, String> over) {
        Map<String, String> settings = new HashMap<>(Map.of("endpoint", gateway.endpoint().toString(),
                "senderId", "ACME", "apiToken", TOKEN, "connectTimeoutMillis", "1000", "timeoutMillis", "5000"));
        settings.putAll(over);
        return new ChannelContext(TENANT, settings);
    }

    private static NoticeMessage message(String phone, String body) {
        return new NoticeMessage(TENANT, UUID.randomUUID(), "Customer", phone, "zh-CN", "付款提醒", body, null, List.of());
    }
}
