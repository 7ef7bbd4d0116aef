package receivables.payments.wallet.internal;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.security.PublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import receivables.api.intent.PaymentIntent;
import receivables.api.money.Money;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderFailure.Kind;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.RejectedNotification.Reason;
import receivables.api.provider.VerifiedNotification;

/**
 * A QR-code e-wallet in the style of Alipay's open API (and WeChat Pay's native QR payments).
 *
 * <h2>Requests</h2>
 * Every call is a form-encoded {@code POST} to the tenant's {@code gatewayUrl} with the common parameters
 * {@code app_id} (setting {@code appId}), {@code method}, {@code charset=utf-8}, {@code version=1.0},
 * {@code timestamp} ({@code yyyy-MM-dd HH:mm:ss}, China Standard Time), {@code biz_content} (a JSON object of
 * strings), {@code sign_type=RSA2} and {@code sign}: RSA-SHA256 over the sorted parameters
 * ({@link SignedParameters}) with the tenant's private key (secret setting {@code merchantPrivateKey},
 * Base64 PKCS#8). The methods:
 * <ul>
 * <li>{@code trade.precreate} with {@code notify_url} (the core's notification address) and
 * {@code biz_content} {@code out_trade_no} (the intent's id), {@code total_amount} (plain decimal at the
 * currency's scale), {@code currency}, {@code subject} (the intent's description) and {@code time_expire};
 * answers {@code trade_no} and {@code qr_code}, the text the payer's wallet app scans. The same
 * {@code out_trade_no} again returns the same code.</li>
 * <li>{@code trade.query} with {@code out_trade_no}: {@code trade_status} ({@code WAIT_BUYER_PAY},
 * {@code TRADE_SUCCESS}, {@code TRADE_FINISHED}, {@code TRADE_CLOSED}), {@code total_amount},
 * {@code currency}, {@code buyer_id}, {@code gmt_payment}; {@code ACQ.TRADE_NOT_EXIST} when the trade never
 * reached the gateway.</li>
 * <li>{@code trade.refund} with {@code out_trade_no}, {@code refund_amount}, {@code refund_currency},
 * {@code out_request_no} (the refund's id: the same one twice refunds once) and {@code refund_reason};
 * answers {@code refund_no}. Several partial refunds may add up to the total.</li>
 * <li>{@code trade.close} with {@code out_trade_no}: the payer can no longer pay.</li>
 * </ul>
 *
 * <h2>Answers</h2>
 * JSON {@code {"trade_precreate_response": {"code": "10000", "msg": "Success", ...}, "sign": "..."}}
 * ({@code error_response} when the gateway rejects a call before running it), signed by the gateway over the
 * response object's fields in the same canonical form and verified with the setting {@code gatewayPublicKey}
 * (Base64 X.509). An answer that does not verify, or whose {@code out_trade_no} is another trade's, is not
 * trusted: the call's outcome is {@link Kind#UNKNOWN_OUTCOME}. Codes: {@code 10000} success, {@code 20000}
 * system busy ({@link Kind#UNAVAILABLE}), {@code 40004} business refusal named by {@code sub_code}
 * ({@link Kind#DECLINED}; {@code ACQ.SYSTEM_ERROR} is {@link Kind#UNKNOWN_OUTCOME}), anything else a bad
 * request or bad settings ({@link Kind#INVALID_REQUEST}). A refused connection, a connect timeout and HTTP
 * 5xx are {@link Kind#UNAVAILABLE}; no answer within the request timeout (settings
 * {@code connectTimeoutMillis}, {@code requestTimeoutMillis}) is {@link Kind#UNKNOWN_OUTCOME}.
 *
 * <h2>Notifications</h2>
 * The gateway POSTs a form ({@code notify_id}, {@code notify_time}, {@code app_id}, {@code out_trade_no},
 * {@code trade_no}, {@code trade_status}, {@code total_amount}, {@code currency}, {@code gmt_payment},
 * {@code buyer_id}, {@code sign_type}, {@code sign}) to the {@code notify_url}, repeating it until it reads
 * the plain-text answer {@code success}. It is trusted only when signed with the gateway's key, addressed to
 * the tenant's {@code app_id}, about one of the tenant's intents, and for exactly that intent's amount and
 * currency.
 */
@Component(service = PaymentProvider.class, configurationPid = WalletConfiguration.PID)
@ProviderDescription(id = QrWalletProvider.ID, name = "QR wallet", methods = QrWalletProvider.METHOD,
        currencies = { "CNY", "EUR", "USD" }, presentations = PaymentInstructions.Kind.QR_CODE, partialRefunds = true)
@Designate(ocd = WalletConfiguration.class)
public class QrWalletProvider implements PaymentProvider, PaymentQuery, PaymentRefunds, PaymentCancellation {

    static final String ID = "wallet";
    static final String METHOD = "WALLET_QR";
    static final String ACKNOWLEDGEMENT = "success";

    private final WalletGateway gateway = new WalletGateway(new ObjectMapper(), Clock.systemUTC());

    /** Refuses a configuration whose currencies the core could not offer, so that the mistake shows at once. */
    @Activate
    void activate(WalletConfiguration config) {
        String[] codes = config.receivables_provider_currencies() == null ? new String[0]
                : config.receivables_provider_currencies();
        for (String code : codes) {
            if (!Money.isActiveCurrency(code)) {
                throw new IllegalArgumentException("wallet currency '" + code + "' is not an ISO 4217 code");
            }
        }
        if (codes.length == 0) {
            throw new IllegalArgumentException("the wallet needs at least one currency; configured: "
                    + Arrays.toString(codes));
        }
    }

    @Override
    public PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        WalletAccount account = WalletAccount.of(context);
        Instant expiresAt = gateway.now().plus(account.qrLifetime());
        ObjectNode biz = gateway.bizContent()
                .put("out_trade_no", intent.id().toString())
                .put("total_amount", intent.amount().amount().toPlainString())
                .put("currency", intent.amount().currency())
                .put("subject", intent.description() == null || intent.description().isBlank()
                        ? intent.id().toString() : intent.description())
                .put("time_expire", WalletGateway.TIMESTAMP.format(expiresAt));
        GatewayAnswer answer = gateway.call(account, "trade.precreate", biz, intent.id().toString(),
                context.notificationUrl()).orFailure();
        return PaymentInstructions.qrCode(answer.field("trade_no").orElse(null), answer.required("qr_code"), expiresAt);
    }

    @Override
    public ProviderReport query(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        WalletAccount account = WalletAccount.of(context);
        GatewayAnswer answer = gateway.call(account, "trade.query", trade(intent), intent.id().toString(), null);
        if (answer.refused(GatewayAnswer.TRADE_NOT_EXIST)) {
            return new ProviderReport(intent.id(), null, ProviderOutcome.UNKNOWN, null, null);
        }
        answer.orFailure();
        try {
            return report(intent.id(), answer.fields());
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(Kind.UNKNOWN_OUTCOME, "trade.query: " + e.getMessage());
        }
    }

    /** The gateway refunds at once or refuses; the same {@code out_request_no} again answers the same refund. */
    @Override
    public RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        WalletAccount account = WalletAccount.of(context);
        ObjectNode biz = trade(intent)
                .put("refund_amount", refund.amount().amount().toPlainString())
                .put("refund_currency", refund.amount().currency())
                .put("out_request_no", refund.refundId().toString());
        if (refund.reason() != null && !refund.reason().isBlank()) {
            biz.put("refund_reason", refund.reason());
        }
        GatewayAnswer answer = gateway.call(account, "trade.refund", biz, intent.id().toString(), null).orFailure();
        // The gateway knows a refund by its out_request_no when it gives no number of its own.
        return RefundReport.succeeded(answer.field("refund_no").orElse(refund.refundId().toString()));
    }

    @Override
    public void cancel(ProviderContext context, PaymentIntent intent) throws ProviderFailure {
        WalletAccount account = WalletAccount.of(context);
        GatewayAnswer answer = gateway.call(account, "trade.close", trade(intent), intent.id().toString(), null);
        // Precreate opens the trade at the gateway, so an unknown trade has no code anyone could pay.
        if (!answer.refused(GatewayAnswer.TRADE_NOT_EXIST)) {
            answer.orFailure();
        }
    }

    @Override
    public VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification {
        Map<String, String> fields = form(notification.bodyText());
        WalletAccount.NotificationSettings account;
        PublicKey gatewayKey;
        try {
            account = context.settings(WalletAccount.NotificationSettings.class);
            gatewayKey = WalletAccount.gatewayKey(account.gatewayPublicKey());
        } catch (ProviderFailure e) {
            throw new RejectedNotification(Reason.BAD_SIGNATURE, "cannot check the signature: " + e.getMessage());
        }
        if (!SignedParameters.verify(fields, gatewayKey)) {
            throw new RejectedNotification(Reason.BAD_SIGNATURE, "the notification is not signed with the gateway's key");
        }
        if (account.appId().isBlank() || !account.appId().equals(fields.get("app_id"))) {
            throw new RejectedNotification(Reason.MISMATCH, "the notification is for app_id " + fields.get("app_id")
                    + ", not this tenant's");
        }
        PaymentIntent intent = intent(fields.get("out_trade_no"), intents);
        String currency = fields.get("currency");
        BigDecimal amount = decimal(fields.get("total_amount"));
        if (!intent.amount().currency().equals(currency) || amount.compareTo(intent.amount().amount()) != 0) {
            throw new RejectedNotification(Reason.MISMATCH, "the notification reports " + fields.get("total_amount") + " "
                    + currency + " for an intent of " + intent.amount());
        }
        try {
            return new VerifiedNotification(report(intent.id(), fields), ACKNOWLEDGEMENT, "text/plain");
        } catch (IllegalArgumentException e) {
            throw new RejectedNotification(Reason.MALFORMED, e.getMessage());
        }
    }

    private ObjectNode trade(PaymentIntent intent) {
        return gateway.bizContent().put("out_trade_no", intent.id().toString());
    }

    /**
     * What a trade's fields, from a query or a notification, say about the payment. {@code TRADE_CLOSED} is
     * both a trade closed unpaid and one paid then refunded in full; only the second has {@code gmt_payment}.
     *
     * @throws IllegalArgumentException when the fields cannot be read
     */
    private static ProviderReport report(UUID intentId, Map<String, String> fields) {
        String status = fields.getOrDefault("trade_status", "");
        Instant paidAt = time(fields.get("gmt_payment"));
        ProviderOutcome outcome = switch (status) {
            case "WAIT_BUYER_PAY" -> ProviderOutcome.PENDING;
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ProviderOutcome.SUCCEEDED;
            case "TRADE_CLOSED" -> paidAt == null ? ProviderOutcome.CANCELED : ProviderOutcome.SUCCEEDED;
            default -> throw new IllegalArgumentException("unknown trade_status '" + status + "'");
        };
        Money amount = outcome == ProviderOutcome.SUCCEEDED
                ? Money.of(decimalField(fields.get("total_amount")), fields.get("currency"))
                : null;
        return new ProviderReport(intentId, blankToNull(fields.get("trade_no")), outcome, amount, paidAt);
    }

    private static PaymentIntent intent(String outTradeNo, IntentLookup intents) throws RejectedNotification {
        UUID id;
        try {
            id = UUID.fromString(outTradeNo == null ? "" : outTradeNo);
        } catch (IllegalArgumentException e) {
            throw new RejectedNotification(Reason.UNKNOWN_INTENT, "out_trade_no '" + outTradeNo + "' is no intent of ours");
        }
        return intents.byId(id).orElseThrow(() -> new RejectedNotification(Reason.UNKNOWN_INTENT,
                "no intent " + id + " for this tenant and provider"));
    }

    private static BigDecimal decimal(String value) throws RejectedNotification {
        try {
            return decimalField(value);
        } catch (IllegalArgumentException e) {
            throw new RejectedNotification(Reason.MALFORMED, e.getMessage());
        }
    }

    private static BigDecimal decimalField(String value) {
        try {
            return new BigDecimal(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("total_amount '" + value + "' is not a decimal amount");
        }
    }

    private static Instant time(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, WalletGateway.TIMESTAMP).atZone(WalletGateway.GATEWAY_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("gmt_payment '" + value + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A form-encoded body as fields; a field twice is refused, since the signed value and the read one could differ. */
    private static Map<String, String> form(String body) throws RejectedNotification {
        Map<String, String> fields = new HashMap<>();
        if (body.isBlank()) {
            throw new RejectedNotification(Reason.MALFORMED, "the notification has no body");
        }
        for (String pair : body.strip().split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new RejectedNotification(Reason.MALFORMED, "the notification is not form-encoded");
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(name, value) != null) {
                    throw new RejectedNotification(Reason.MALFORMED, "the notification has " + name + " twice");
                }
            } catch (IllegalArgumentException e) {
                throw new RejectedNotification(Reason.MALFORMED, "the notification is not form-encoded: " + e.getMessage());
            }
        }
        return fields;
    }
}
