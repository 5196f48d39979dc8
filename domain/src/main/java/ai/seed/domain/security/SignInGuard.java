package ai.seed.domain.security;

import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.security.SignInPolicy.Counter;
import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Throttles failed console sign-ins ({@link SignInPolicy}) and audits every sign-in, its success,
 * failure or refusal, with who (the username as typed), from where and when. Counters live in
 * PostgreSQL on its clock, so N nodes throttle together. A refused try is not counted again and
 * its password is not checked, so waiting out a delay is the only way on.
 */
@ApplicationScoped
@Transactional
public class SignInGuard {

    /** Why a sign-in is refused before its password is checked, for the sign-in view. */
    public record Refusal(String code, String message, long retryAfterSeconds) {
    }

    private static final String COUNT = "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at)"
            + " VALUES (?1, 1, now()) ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE"
            + " WHEN sign_in_throttle.last_failure_at < now() - make_interval(secs => ?2) THEN 1"
            + " ELSE sign_in_throttle.failures + 1 END, last_failure_at = now() RETURNING failures";

    @PersistenceContext(unitName = "seed")
    EntityManager em;
    @Inject
    AuditLog audit;

    private volatile SignInPolicy policy;

    /** The policy from {@code seed.sign-in.*} (see README), read once. */
    public SignInPolicy policy() {
        if (policy == null) {
            Config c = ConfigProvider.getConfig();
            SignInPolicy d = SignInPolicy.DEFAULT;
            policy = new SignInPolicy(
                    c.getOptionalValue("seed.sign-in.delay-after", Integer.class).orElse(d.delayAfter()),
                    c.getOptionalValue("seed.sign-in.lockout-after", Integer.class).orElse(d.lockoutAfter()),
                    c.getOptionalValue("seed.sign-in.lockout-minutes", Long.class).map(Duration::ofMinutes).orElse(d.lockout()),
                    c.getOptionalValue("seed.sign-in.account-max-delay-seconds", Long.class).map(Duration::ofSeconds)
                            .orElse(d.accountMaxDelay()),
                    c.getOptionalValue("seed.sign-in.address-delay-after", Integer.class).orElse(d.addressDelayAfter()),
                    d.window());
        }
        return policy;
    }

    /** The refusal when any counter of this account or address is still blocked. */
    public Optional<Refusal> check(String username, String address) {
        List<?> rows = em.createNativeQuery("SELECT throttle_key, failures, ceil(extract(epoch FROM blocked_until - now()))"
                        + " FROM sign_in_throttle WHERE throttle_key IN (?1, ?2, ?3) AND blocked_until > now()"
                        + " ORDER BY blocked_until DESC LIMIT 1")
                .setParameter(1, key(Counter.ACCOUNT_FROM_ADDRESS, username, address))
                .setParameter(2, key(Counter.ACCOUNT, username, address))
                .setParameter(3, key(Counter.ADDRESS, username, address)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Counter counter = counterOf((String) row[0]);
        long seconds = Math.max(1, ((Number) row[2]).longValue());
        return Optional.of(refusal(counter, ((Number) row[1]).intValue(), seconds));
    }

    /** Audits a refused try (blocked, or the tenant suspended); nothing is counted. */
    public void refused(String username, String address, UUID tenantId, String reason) {
        record(tenantId, username, "sign-in.refused", address, reason);
    }

    /** Counts and audits a failed try; returns the block it starts, if any, to tell the user now. */
    public Optional<Refusal> failed(String username, String address, UUID tenantId) {
        record(tenantId, username, "sign-in.failure", address, "bad-credentials");
        Optional<Refusal> worst = Optional.empty();
        long worstSeconds = 0;
        for (Counter counter : Counter.values()) {
            String key = key(counter, username, address);
            int failures = ((Number) em.createNativeQuery(COUNT).setParameter(1, key)
                    .setParameter(2, (double) policy().window().toSeconds()).getSingleResult()).intValue();
            Duration block = policy().blockAfter(counter, failures);
            if (!block.isZero()) {
                em.createNativeQuery("UPDATE sign_in_throttle SET blocked_until = now() + make_interval(secs => ?2)"
                        + " WHERE throttle_key = ?1").setParameter(1, key).setParameter(2, (double) block.toSeconds())
                        .executeUpdate();
                if (block.toSeconds() > worstSeconds) {
                    worstSeconds = block.toSeconds();
                    worst = Optional.of(refusal(counter, failures, worstSeconds));
                }
            }
        }
        return worst;
    }

    /** Audits a success and forgets the account's failures (the address's decay on their own). */
    public void succeeded(String username, String address, UUID tenantId) {
        record(tenantId, username, "sign-in.success", address, "ok");
        em.createNativeQuery("DELETE FROM sign_in_throttle WHERE throttle_key IN (?1, ?2)")
                .setParameter(1, key(Counter.ACCOUNT_FROM_ADDRESS, username, address))
                .setParameter(2, key(Counter.ACCOUNT, username, address)).executeUpdate();
    }

    private Refusal refusal(Counter counter, int failures, long seconds) {
        if (policy().isLockout(counter, failures)) {
            return new Refusal("sign-in-locked", "After " + failures + " failed sign-ins this account is locked from"
                    + " your network for " + duration(seconds) + ". Other devices are not affected.", seconds);
        }
        return new Refusal("sign-in-throttled", "Too many failed sign-ins. Wait " + duration(seconds)
                + " before trying again.", seconds);
    }

    private static String duration(long seconds) {
        return seconds >= 120 ? ((seconds + 59) / 60) + " minutes" : seconds + (seconds == 1 ? " second" : " seconds");
    }

    private void record(UUID tenantId, String username, String action, String address, String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("address", address);
        detail.put("reason", reason);
        audit.record(tenantId, actor(username), action, "user", null, detail);
        TenantGuard.platform(em); // the throttle table has no tenant; later statements need no tenant scope
    }

    /** The username as typed, bounded: what an auditor searches for, never a password. */
    static String actor(String username) {
        String s = username == null ? "" : username.strip().toLowerCase();
        return s.isEmpty() ? "(blank)" : s.length() > 100 ? s.substring(0, 100) : s;
    }

    static String key(Counter counter, String username, String address) {
        return switch (counter) {
            case ACCOUNT_FROM_ADDRESS -> "account-address:" + actor(username) + "|" + address;
            case ACCOUNT -> "account:" + actor(username);
            case ADDRESS -> "address:" + address;
        };
    }

    private static Counter counterOf(String key) {
        return key.startsWith("account-address:") ? Counter.ACCOUNT_FROM_ADDRESS
                : key.startsWith("account:") ? Counter.ACCOUNT : Counter.ADDRESS;
    }
}
