package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** No network: literal addresses resolve locally, host names through a fake resolver. */
class ImageUrlGuardTest {

    static final ImageUrlGuard.Resolver NO_DNS = host -> {
        throw new AssertionError("must not resolve " + host);
    };

    static ImageUrlGuard guard(String allowList, ImageUrlGuard.Resolver resolver) {
        return ImageUrlGuard.fromAllowList(allowList, resolver);
    }

    static void assertRefused(ImageUrlGuard guard, String url, String why) {
        assertThatThrownBy(() -> guard.check(url, "messages[0].content[0].image_url.url"))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("image_url_not_allowed");
                    assertThat(e.param()).isEqualTo("messages[0].content[0].image_url.url");
                    assertThat(e.getMessage()).contains(why);
                });
    }

    @Test
    void withoutAnAllowListEveryRemoteUrlIsRefused() {
        assertRefused(guard(null, NO_DNS), "https://images.example.com/a.png", "not enabled");
        assertRefused(guard(" , ", NO_DNS), "https://images.example.com/a.png", "not enabled");
    }

    @Test
    void aHostNotOnTheAllowListIsRefusedWithoutResolvingIt() {
        assertRefused(guard("images.example.com", NO_DNS), "https://evil.example.net/a.png", "not on this server's allow-list");
        assertRefused(guard("images.example.com", NO_DNS), "https://images.example.com.evil.net/a.png", "allow-list");
    }

    @Test
    void allowListedLiteralsThatAreNotPublicAreStillRefused() {
        String[] literals = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.1.1", "0.0.0.0", "100.64.0.1",
            "224.0.0.1", "255.255.255.255", "::1", "fd00::1", "fe80::1", "::", "::ffff:127.0.0.1", "64:ff9b::a00:1"};
        ImageUrlGuard guard = guard(String.join(",", literals), InetAddress::getAllByName);
        for (String literal : literals) {
            String host = literal.contains(":") ? "[" + literal + "]" : literal;
            assertRefused(guard, "http://" + host + ":8080/x.png", "non-public address");
        }
    }

    @Test
    void aHostIsRefusedIfAnyOfItsAddressesIsPrivate() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")};
        assertRefused(guard("images.example.com", host -> mixed), "https://images.example.com/a.png", "non-public");
        assertRefused(guard("images.example.com", host -> {
            throw new UnknownHostException(host);
        }), "https://images.example.com/a.png", "could not be resolved");
    }

    @Test
    void anAllowListedPublicHostPasses() throws UnknownHostException {
        InetAddress[] pub = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1::1")};
        ImageUrlGuard guard = guard("Images.Example.com , cdn.example.org", host -> pub);
        assertThat(guard.check("https://IMAGES.example.com./a.png?x=1", "p").getPath()).isEqualTo("/a.png");
        assertThat(guard.check("http://cdn.example.org:8443/b.jpg", "p").getPort()).isEqualTo(8443);
    }

    @Test
    void onlyPlainHttpUrlsWithoutUserInfo() {
        ImageUrlGuard guard = guard("images.example.com", NO_DNS);
        assertRefused(guard, "ftp://images.example.com/a.png", "data:, http: or https:");
        assertRefused(guard, "file:///etc/passwd", "data:, http: or https:");
        assertRefused(guard, "https://user:pw@images.example.com/a.png", "no user info");
        assertRefused(guard, "https://images.example.com/a b.png", "not a valid URL");
    }
}
