package receivables.payments.wallet.internal;

import java.util.Map;
import java.util.Optional;

import receivables.api.provider.ProviderFailure;

/**
 * The gateway's verified answer to one call: its fields, all strings, whose signature has been checked.
 * Code {@code 10000} is success; {@code 40004} is a business refusal named by {@code sub_code}.
 */
record GatewayAnswer(String method, Map<String, String> fields) {

    static final String SUCCESS = "10000";
    static final String SYSTEM_BUSY = "20000";
    static final String BUSINESS_FAILURE = "40004";
    static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    private static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";
    private static final String INVALID_PARAMETER = "ACQ.INVALID_PARAMETER";

    GatewayAnswer {
        fields = Map.copyOf(fields);
    }

    boolean succeeded() {
        return SUCCESS.equals(fields.get("code"));
    }

    boolean refused(String subCode) {
        return BUSINESS_FAILURE.equals(fields.get("code")) && subCode.equals(fields.get("sub_code"));
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isEmpty());
    }

    /** A field a successful answer must carry; its absence means we cannot tell what happened. */
    String required(String name) throws ProviderFailure {
        return field(name).orElseThrow(() -> new ProviderFailure(ProviderFailure.Kind.UNKNOWN_OUTCOME,
                method + ": the gateway's answer has no " + name));
    }

    /** The fields of a successful answer, or the failure the gateway's code stands for. */
    GatewayAnswer orFailure() throws ProviderFailure {
        if (succeeded()) {
            return this;
        }
        throw failure();
    }

    ProviderFailure failure() {
        String code = fields.getOrDefault("code", "");
        String subCode = fields.getOrDefault("sub_code", "");
        ProviderFailure.Kind kind = switch (code) {
            case SYSTEM_BUSY -> ProviderFailure.Kind.UNAVAILABLE;
            case BUSINESS_FAILURE -> switch (subCode) {
                // The gateway's own advice for a system error is to ask again: the call may have taken effect.
                case SYSTEM_ERROR -> ProviderFailure.Kind.UNKNOWN_OUTCOME;
                case INVALID_PARAMETER -> ProviderFailure.Kind.INVALID_REQUEST;
                default -> ProviderFailure.Kind.DECLINED;
            };
            // 20001 authorisation, 40001 missing parameter, 40002 invalid parameter or signature, 40006 permission
            default -> ProviderFailure.Kind.INVALID_REQUEST;
        };
        StringBuilder message = new StringBuilder(method).append(": ").append(code).append(' ')
                .append(fields.getOrDefault("msg", ""));
        if (!subCode.isEmpty()) {
            message.append(" (").append(subCode).append(": ").append(fields.getOrDefault("sub_msg", "")).append(')');
        }
        return new ProviderFailure(kind, message.toString());
    }
}
