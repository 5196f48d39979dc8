package ai.seed.domain.security;

import ai.seed.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import jakarta.annotation.PostConstruct;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Console sessions: an idle timeout ({@code seed.session.idle-timeout-minutes}, default 30) and an
 * absolute lifetime ({@code seed.session.max-lifetime-hours}, default 12) after which the user
 * signs in again however active they were, and "sign out everywhere", which ends on every node
 * each session that began before it. Also which address a sign-in comes from: behind a reverse
 * proxy that the operator trusts ({@code seed.sign-in.trust-forwarded-for=true}, as in the Docker
 * setup with nginx) the last hop of {@code X-Forwarded-For}, else the connection's address.
 */
@ApplicationScoped
public class SessionPolicy {

    @Inject
    UserRepository users;

    // Read once: mayContinue runs on every console request.
    private Duration idleTimeout;
    private Duration maxLifetime;
    private boolean trustForwardedFor;

    @PostConstruct
    void readConfig() {
        Config c = ConfigProvider.getConfig();
        idleTimeout = Duration.ofMinutes(c.getOptionalValue("seed.session.idle-timeout-minutes", Long.class).orElse(30L));
        maxLifetime = Duration.ofHours(c.getOptionalValue("seed.session.max-lifetime-hours", Long.class).orElse(12L));
        trustForwardedFor = c.getOptionalValue("seed.sign-in.trust-forwarded-for", Boolean.class).orElse(false);
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** A new session for the signed-in user, under a new id (no session fixation). */
    void start(HttpServletRequest request, SeedAuthenticationMechanism.SessionCaller caller) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idleTimeout().toSeconds()));
        request.getSession().setAttribute(SeedAuthenticationMechanism.SESSION_CALLER, caller);
    }

    /** Whether the session may serve this request: young enough, and its user not signed out everywhere. */
    boolean mayContinue(SeedAuthenticationMechanism.SessionCaller caller) {
        if (caller.signedInAt() == null || caller.signedInAt().plus(maxLifetime()).isBefore(Instant.now())) {
            return false;
        }
        try {
            return users.sessionValid(caller.name(), caller.signedInAt());
        } catch (PersistenceException e) {
            return true; // the database is down: every service call says so; signing the user out would not help
        }
    }

    /** The client's address as far as this node can tell (bounded, for counters and the audit). */
    public String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && trustForwardedFor) {
            String[] hops = forwarded.split(",");
            address = hops[hops.length - 1].strip(); // the hop the trusted proxy itself saw
        }
        return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
