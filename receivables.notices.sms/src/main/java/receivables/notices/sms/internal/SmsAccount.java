package receivables.notices.sms.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import receivables.api.channel.ChannelContext;

/**
 * A tenant's SMS gateway settings, read from its {@code receivables.channel.account} for the channel {@code sms}:
 * {@code endpoint} (the gateway's base URL: https, or http to a loopback address only, as a test gateway has),
 * {@code senderId} (what the phone shows as the sender: up to 11 letters and digits, or a number),
 * {@code defaultCountryCode} (for numbers entered without one), {@code maxSegments}, {@code connectTimeoutMillis},
 * {@code timeoutMillis}, and the secret {@code apiToken}. {@link #toString()} never shows the token.
 */
record SmsAccount(URI endpoint, String senderId, String apiToken, String defaultCountryCode, int maxSegments,
        int connectTimeoutMillis, int timeoutMillis) {

    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9 ]{1,11}|\\+?[0-9]{3,15}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{8,512}");

    /**
     * The settings, typed and checked.
     *
     * @throws IllegalArgumentException naming the key at fault, never the token's value
     */
    static SmsAccount of(ChannelContext context) {
        if (context.settings().isEmpty()) {
            throw new IllegalArgumentException("the tenant has no receivables.channel.account for channel sms");
        }
        URI endpoint = endpoint(context.text("endpoint", ""));
        String senderId = context.text("senderId", "");
        if (!SENDER_ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("setting senderId must be 1 to 11 letters, digits or spaces, or a number");
        }
        String token = context.settings().getOrDefault("apiToken", "");
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("secret apiToken is missing or not 8 to 512 printable characters");
        }
        String countryCode = context.text("defaultCountryCode", "");
        if (!countryCode.isEmpty() && !COUNTRY_CODE.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("setting defaultCountryCode must be a country calling code such as 86");
        }
        return new SmsAccount(endpoint, senderId, token, countryCode, context.number("maxSegments", 6, 1, 10),
                context.number("connectTimeoutMillis", 10_000, 100, 600_000),
                context.number("timeoutMillis", 30_000, 100, 600_000));
    }

    /** The gateway's URL for sending messages. */
    URI messages() {
        String base = endpoint.toString();
        return URI.create(base.endsWith("/") ? base + "messages" : base + "/messages");
    }

    /**
     * The phone number in international form ({@code +} and 7 to 15 digits, E.164), from a number as people enter
     * it: spaces, dots, dashes and parentheses dropped, {@code 00} read as {@code +}, and a national number (a
     * leading {@code 0} or none) put after the {@code defaultCountryCode}; {@code null} when it cannot be one.
     */
    String international(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.strip().replaceAll("[\\s.()\\-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (!digits.startsWith("+") && !defaultCountryCode.isEmpty()) {
            digits = "+" + defaultCountryCode + (digits.startsWith("0") ? digits.substring(1) : digits);
        }
        return digits.matches("\\+[1-9][0-9]{6,14}") ? digits : null;
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(value, "no host, or a query, fragment or user");
            }
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost()))) {
                throw new IllegalArgumentException("setting endpoint must be an https URL (http only to a loopback address)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("setting endpoint is missing or not a URL");
        }
    }

    private static boolean loopback(String host) {
        if (!host.equals("localhost") && !host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SmsAccount[" + endpoint + ", sender " + senderId + ", apiToken withheld]";
    }
}
