package receivables.impl.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may point. Refused when subscribing: anything but {@code http} and {@code https}, user info,
 * a fragment, and a literal address on a loopback, private, link-local or otherwise internal network. Checked again
 * before every attempt, on the addresses the host name resolves to then, so that a name pointed at an internal
 * address later is not posted to either (unless the host allows private networks, for tests and closed sites).
 */
final class WebhookAddress {

    static final int MAX_LENGTH = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]");

    private WebhookAddress() {
    }

    /** What is wrong with {@code url} as a webhook's address, or empty when it may be used. */
    static Optional<String> problem(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (CONTROL.matcher(url).find()) {
            return Optional.of("must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https:// (or http://) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (!allowPrivate && literal(uri.getHost()) && internal(uri.getHost())) {
            return Optional.of("must not point at a loopback, private or link-local address");
        }
        return Optional.empty();
    }

    /** Why a delivery must not be posted to {@code uri} now, or empty when it may. */
    static Optional<String> refusedNow(URI uri, boolean allowPrivate) {
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of(uri.getHost() + " resolves to the internal address " + address.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + uri.getHost());
        }
    }

    private static boolean literal(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    private static boolean internal(String literal) {
        try {
            return internal(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedCarrier = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedCarrier;
    }
}
