package org.feedwerk.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps fetches away from the machine's own networks (loopback, private, link-local, unique-local, CGNAT)
 * unless a source is explicitly configured with {@code allowPrivateNetwork: true}. Feeds are untrusted and a
 * redirect must not turn Feedwerk into a proxy to internal services.
 */
final class NetworkGuard {
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
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // fc00::/7 unique local
        }
        return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64; // 100.64.0.0/10 carrier-grade NAT
    }
}
