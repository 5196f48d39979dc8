package ai.seed.web.metrics;

import ai.seed.inference.metrics.SeedMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Prometheus scrape endpoint ({@code GET /metrics}, text exposition format 0.0.4). With
 * {@code seed.metrics.token} set, a scraper sends {@code Authorization: Bearer <token>} (Prometheus'
 * {@code authorization} config); without it only this machine may scrape (loopback), so a node on
 * a public address never shows its metrics to the world by default.
 */
@WebServlet(urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsServlet extends HttpServlet {

    @Inject
    SeedMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = ConfigProvider.getConfig().getOptionalValue("seed.metrics.token", String.class)
                .filter(t -> !t.isBlank());
        if (token.isPresent() ? !bearerMatches(request, token.get()) : !loopback(request)) {
            response.setStatus(token.isPresent() ? 401 : 403);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(token.isPresent()
                    ? "send the scrape token as 'Authorization: Bearer <seed.metrics.token>'\n"
                    : "metrics are served to this machine only; set seed.metrics.token to let a scraper elsewhere in (Authorization: Bearer)\n");
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean bearerMatches(HttpServletRequest request, String token) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
