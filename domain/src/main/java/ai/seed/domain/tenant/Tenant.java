package ai.seed.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** A customer company: the unit of isolation. Its slug is the stable, URL-safe name. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String slug;
    @Column(nullable = false)
    private String name;
    @Column(name = "default_mode", nullable = false)
    private String defaultMode;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** Set while suspended: its users and keys are refused, its data is kept. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    protected Tenant() {
        // for JPA
    }

    public Tenant(String slug, String name) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("tenant slug must be 2-63 lowercase letters, digits or '-', got '" + slug + "'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("tenant name must be 1-200 characters");
        }
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name.strip();
        this.defaultMode = "FULL";
        this.createdAt = Instant.now();
    }

    public void changeDefaultMode(String mode) {
        this.defaultMode = mode;
    }

    /** Suspends the tenant; true when it was active (suspending twice changes nothing). */
    public boolean suspend() {
        if (suspendedAt != null) {
            return false;
        }
        suspendedAt = Instant.now();
        return true;
    }

    /** Lifts a suspension; true when it was suspended. */
    public boolean resume() {
        boolean was = suspendedAt != null;
        suspendedAt = null;
        return was;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String defaultMode() {
        return defaultMode;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
