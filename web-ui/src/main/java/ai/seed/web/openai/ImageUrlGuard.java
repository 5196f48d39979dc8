package ai.seed.web.openai;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a remote {@code image_url} may be fetched (server-side request forgery guard).
 * A URL passes only if all of these hold:
 * <ol>
 *   <li>the allow-list ({@code seed.openai.image-url-allow-list}, comma-separated host names,
 *       matched exactly and case-insensitively) is not empty and names the URL's host;</li>
 *   <li>the scheme is http or https and the URL carries no user info;</li>
 *   <li><em>every</em> address the host resolves to is public: not loopback, link-local,
 *       site-local/private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT
 *       (100.64/10), "this network" (0/8), any-local, multicast or broadcast. An allow-listed
 *       literal such as 127.0.0.1 is still refused.</li>
 * </ol>
 * The fetch that follows resolves the host again; the JVM's address cache (30 s by default) keeps
 * that answer equal to the checked one, which narrows DNS rebinding to hosts the operator chose
 * to trust.
 */
public final class ImageUrlGuard {

    /** How host names become addresses; replaced in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public ImageUrlGuard(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(ImageUrlGuard::normalize).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** From the configured comma-separated list (null or blank: remote URLs are refused). */
    public static ImageUrlGuard fromAllowList(String commaSeparated, Resolver resolver) {
        Set<String> hosts = commaSeparated == null ? Set.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        return new ImageUrlGuard(hosts, resolver);
    }

    /** The URL to fetch, or a 400 saying why not. */
    public URI check(String url, String param) {
        if (allowedHosts.isEmpty()) {
            throw refuse(param, "Remote image URLs are not enabled on this server; send the image inline as a data URL"
                    + " (data:image/png;base64,...).");
        }
        URI uri = parse(url, param);
        String host = normalize(uri.getHost());
        if (!allowedHosts.contains(host)) {
            throw refuse(param, "The host '" + host + "' of the image URL is not on this server's allow-list.");
        }
        for (InetAddress address : resolve(host, param)) {
            if (!isPublic(address)) {
                throw refuse(param, "The image URL's host '" + host + "' resolves to a non-public address.");
            }
        }
        return uri;
    }

    private static URI parse(String url, String param) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw refuse(param, "Image URLs must be data:, http: or https: URLs.");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw refuse(param, "The image URL must name a host and carry no user info.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refuse(param, "The image URL is not a valid URL.");
        }
    }

    private InetAddress[] resolve(String host, String param) {
        try {
            InetAddress[] all = resolver.resolve(host);
            if (all == null || all.length == 0) {
                throw new UnknownHostException(host);
            }
            return all;
        } catch (UnknownHostException e) {
            throw refuse(param, "The image URL's host '" + host + "' could not be resolved.");
        }
    }

    /** Whether an address may be reached from the server on a client's behalf. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean broadcast = Arrays.equals(b, new byte[] {-1, -1, -1, -1});
            return !(thisNetwork || carrierNat || broadcast);
        }
        if (a instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            return !uniqueLocal && !embedsPrivateIpv4(b);
        }
        return false;
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) forms of a non-public IPv4 address. */
    private static boolean embedsPrivateIpv4(byte[] b) {
        boolean compatible = allZero(b, 0, 12);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (!compatible && !nat64) {
            return false;
        }
        try {
            return !isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static OpenAiException refuse(String param, String message) {
        return OpenAiException.invalid(message, param, "image_url_not_allowed");
    }
}
