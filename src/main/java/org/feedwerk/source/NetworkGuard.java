package org.feedwerk.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.Optional;

/**
 * Keeps fetches away from the machine's own networks (loopback, private, link-local, unique-local, CGNAT,
 * reserved and documentation ranges, and IPv6 forms that embed such an IPv4 address) unless a source is
 * explicitly configured with {@code allowPrivateNetwork: true}. Feeds are untrusted and a
 * redirect must not turn Feedwerk into a proxy to internal services.
 */
final class NetworkGuard {
    /**
     * How long the JVM keeps a resolved address. The guard resolves a host and the HTTP client then resolves it
     * again to connect; both lookups go through the JVM's address cache, so as long as the entry lives, the client
     * connects to the address the guard checked and a DNS server cannot switch it in between (rebinding). An
     * operator setting of 0 (never cache) would reopen that window, so it is raised to this.
     */
    static final int ADDRESS_CACHE_SECONDS = 60;

    static {
        String configured = Security.getProperty("networkaddress.cache.ttl");
        int seconds;
        try {
            seconds = configured == null ? -2 : Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            seconds = -2;
        }
        if (seconds != -1 && seconds < ADDRESS_CACHE_SECONDS) { // -1 caches for ever, which is safe too
            Security.setProperty("networkaddress.cache.ttl", String.valueOf(ADDRESS_CACHE_SECONDS));
        }
    }

    private NetworkGuard() {}

    /** Why {@code url} may not be fetched, or empty when it may. */
    static Optional<String> refusal(URI url, boolean allowPrivateNetwork) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are fetched, not " + url);
        }
        if (url.getHost() == null) {
            return Optional.of("URL without host: " + url);
        }
        if (allowPrivateNetwork) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("refused to fetch " + url.getHost() + " (" + address.getHostAddress()
                            + "): private network address; set allowPrivateNetwork: true on the source to allow it");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + url.getHost());
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPrivateIpv6(bytes);
        }
        return isPrivateIpv4(bytes, 0);
    }

    /**
     * IPv4 ranges that are not the public internet: this network (0/8), private (10/8, 172.16/12, 192.168/16),
     * carrier-grade NAT (100.64/10), loopback, link-local, IETF protocol assignments (192.0.0/24), documentation
     * (192.0.2/24, 198.51.100/24, 203.0.113/24), benchmarking (198.18/15), multicast and reserved (224/3).
     */
    private static boolean isPrivateIpv4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xFF;
        int b = bytes[offset + 1] & 0xFF;
        int c = bytes[offset + 2] & 0xFF;
        return a == 0
                || a == 10
                || a == 127
                || a >= 224
                || a == 100 && (b & 0xC0) == 64
                || a == 169 && b == 254
                || a == 172 && (b & 0xF0) == 16
                || a == 192 && b == 168
                || a == 192 && b == 0 && (c == 0 || c == 2)
                || a == 198 && (b & 0xFE) == 18
                || a == 198 && b == 51 && c == 100
                || a == 203 && b == 0 && c == 113;
    }

    /**
     * IPv6: unique local (fc00::/7), deprecated site-local (fec0::/10), documentation (2001:db8::/32), Teredo
     * (2001::/32, which hides an IPv4 address), and every form that embeds an IPv4 address — IPv4-compatible
     * (::a.b.c.d, e.g. [::127.0.0.1]), IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) —
     * judged by the IPv4 address inside.
     */
    private static boolean isPrivateIpv6(byte[] bytes) {
        if ((bytes[0] & 0xFE) == 0xFC || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xC0) == 0xC0) {
            return true;
        }
        int first = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
        int second = ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        if (first == 0x2001 && (second == 0x0db8 || second == 0x0000)) {
            return true;
        }
        if (first == 0x2002) {
            return isPrivateIpv4(bytes, 2);
        }
        boolean zeroPrefix = true;
        for (int index = 0; index < 10; index++) {
            zeroPrefix &= bytes[index] == 0;
        }
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
        boolean mapped = zeroPrefix && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
        boolean nat64 = first == 0x0064 && second == 0xff9b;
        for (int index = 4; nat64 && index < 12; index++) {
            nat64 = bytes[index] == 0;
        }
        return (compatible || mapped || nat64) && isPrivateIpv4(bytes, 12);
    }
}
