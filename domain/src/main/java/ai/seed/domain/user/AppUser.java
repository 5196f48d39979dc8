package ai.seed.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in to the console. Invariant: a platform admin belongs to no tenant, every
 * other user to exactly one. Only a password hash is stored (PBKDF2, see the security module).
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,99}$");

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Console sessions that began before this are refused ("sign out everywhere"). */
    @Column(name = "sessions_valid_after")
    private Instant sessionsValidAfter;

    protected AppUser() {
        // for JPA
    }

    public AppUser(UUID tenantId, String username, String displayName, String passwordHash, Role role) {
        if (role == Role.PARTNER) {
            throw new IllegalArgumentException("partners use API keys, not user accounts");
        }
        if ((role == Role.PLATFORM_ADMIN) != (tenantId == null)) {
            throw new IllegalArgumentException("a platform admin has no tenant; every other user has one");
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3-100 lowercase letters, digits or . _ @ -");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.username = username;
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    /** Ends every console session of this user that exists now, on every node. */
    public void signOutEverywhere() {
        this.sessionsValidAfter = Instant.now();
    }

    public Instant sessionsValidAfter() {
        return sessionsValidAfter;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
