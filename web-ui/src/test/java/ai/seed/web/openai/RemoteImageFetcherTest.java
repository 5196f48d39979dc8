package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a loopback server. (The guard would refuse loopback; the fetcher is tested
 * on its own: no redirects, size limits, deadlines.)
 */
class RemoteImageFetcherTest {

    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok.png", x -> send(x, 200, new byte[] {1, 2, 3}));
        server.createContext("/moved", x -> {
            x.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            send(x, 302, new byte[0]);
        });
        server.createContext("/missing", x -> send(x, 404, "nope".getBytes()));
        server.createContext("/declared-huge", x -> send(x, 200, new byte[DataUrls.MAX_BYTES + 1]));
        server.createContext("/chunked-huge", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                byte[] block = new byte[1 << 20];
                for (int i = 0; i <= DataUrls.MAX_BYTES >> 20; i++) {
                    out.write(block);
                }
            } catch (IOException clientGone) {
                // expected: the fetcher stops reading at the limit
            }
        });
        server.createContext("/slow", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(1);
                out.flush();
                Thread.sleep(3000);
            } catch (IOException | InterruptedException ignored) {
                // the client gave up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the fetcher may stop reading early
        }
    }

    static void assertFails(Runnable fetch, String code, String why) {
        assertThatThrownBy(fetch::run).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.param()).isEqualTo("p");
            assertThat(e.getMessage()).contains(why);
        });
    }

    @Test
    void fetchesTheBody() {
        assertThat(RemoteImageFetcher.fetch(url("/ok.png"), "p")).containsExactly(1, 2, 3);
    }

    @Test
    void neverFollowsRedirectsAndRefusesErrorStatuses() {
        assertFails(() -> RemoteImageFetcher.fetch(url("/moved"), "p"), "image_url_fetch_failed", "redirects are not followed");
        assertFails(() -> RemoteImageFetcher.fetch(url("/missing"), "p"), "image_url_fetch_failed", "HTTP 404");
    }

    @Test
    void stopsAtTenMebibytesDeclaredOrNot() {
        assertFails(() -> RemoteImageFetcher.fetch(url("/declared-huge"), "p"), "image_too_large", "larger than 10 MiB");
        assertFails(() -> RemoteImageFetcher.fetch(url("/chunked-huge"), "p"), "image_too_large", "larger than 10 MiB");
    }

    @Test
    void givesUpAtTheDeadline() {
        assertFails(() -> RemoteImageFetcher.fetch(url("/slow"), "p", Duration.ofMillis(500)), "image_url_fetch_failed",
                "did not arrive within 500 ms");
    }

    @Test
    void anUnreachableHostIsTheClientsProblem() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFails(() -> RemoteImageFetcher.fetch(URI.create("http://127.0.0.1:" + port + "/x.png"), "p"),
                "image_url_fetch_failed", "could not be downloaded");
    }
}
