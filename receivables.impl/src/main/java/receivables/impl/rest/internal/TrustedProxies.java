package receivables.impl.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The load balancers and proxies whose {@code X-Forwarded-For} the API believes, as addresses or CIDR ranges. A
 * request whose TCP peer is one of them comes from the last address of the header that is not one of them; from any
 * other peer the header is ignored, so that no client can name another address to escape its allowance. Only IP
 * literals are read, never names: nothing here asks DNS. The same peers alone are believed when their
 * {@code X-Forwarded-Proto} says the client used https (the session cookie's {@code Secure}).
 */
record TrustedProxies(List<Range> ranges) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** An address and how many of its leading bits a peer must share with it. */
    record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /**
     * Reads {@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8} and the like.
     *
     * @throws IllegalArgumentException naming an entry that is neither an IP address nor a CIDR range
     */
    static TrustedProxies of(String[] entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            Optional<byte[]> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalArgumentException(RequestLimitsConfiguration.PID + ": trustedProxies entry '" + text
                        + "' is not an IP address or CIDR range");
            }
            int bits = address.get().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(RequestLimitsConfiguration.PID + ": trustedProxies entry '" + text
                            + "' has a prefix that is not 0 to " + bits);
                }
            }
            ranges.add(new Range(address.get(), prefix));
        }
        return new TrustedProxies(ranges);
    }

    /** The client's address: the peer's, unless the peer is trusted and says whom it forwards for. */
    String client(String peer, String forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || !trusts(literal(peer))) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int hop = hops.length - 1; hop >= 0; hop--) {
            Optional<byte[]> address = literal(hops[hop].strip());
            if (address.isEmpty()) {
                // A hop that is no address: believe nothing beyond it, and count the request against the proxy.
                return peer;
            }
            if (!trusts(address)) {
                return text(address.get());
            }
        }
        return peer;
    }

    /**
     * Whether the peer is trusted and its {@code X-Forwarded-Proto} says https. Of a list, only the last entry
     * counts: the one the trusted peer added, where a proxy that appends would leave the client's own before it.
     */
    boolean forwardedHttps(String peer, String forwardedProto) {
        if (ranges.isEmpty() || forwardedProto == null || !trusts(literal(peer))) {
            return false;
        }
        String last = forwardedProto.substring(forwardedProto.lastIndexOf(',') + 1).strip();
        return "https".equalsIgnoreCase(last);
    }

    private boolean trusts(Optional<byte[]> address) {
        return address.isPresent() && ranges.stream().anyMatch(range -> range.contains(address.get()));
    }

    /** The bytes of an IPv4 or IPv6 literal, empty for anything else (host names included). */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.length() > 45) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            // Every octet in range, or InetAddress would take it for a host name and ask DNS.
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, never looked up.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }
}
