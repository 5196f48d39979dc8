package ai.seed.domain.apiclient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A partner system's API key for one tenant, or a platform key (no tenant, scope {@code tenants})
 * for an operator's provisioning automation. Only a SHA-256 of the key is stored: the key itself
 * is shown once, when it is created. A key is usable while not revoked and not expired.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    private UUID id;
    /** Null for a platform key. */
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(nullable = false)
    private String name;
    @Column(name = "key_prefix", nullable = false, unique = true)
    private String keyPrefix;
    @Column(name = "key_hash", nullable = false)
    private String keyHash;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    /** The key's {@link ApiScope}s as stored, e.g. {@code turns,concepts}. */
    @Column(nullable = false)
    private String scopes;

    protected ApiClient() {
        // for JPA
    }

    ApiClient(UUID tenantId, String name, String keyPrefix, String keyHash, String createdBy, Instant expiresAt,
              Set<ApiScope> scopes) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("API client name must be 1-200 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope: " + ApiScope.ids(ApiScope.ALL));
        }
        if (tenantId == null ? !ApiScope.PLATFORM.equals(Set.copyOf(scopes)) : scopes.contains(ApiScope.TENANTS)) {
            throw new IllegalArgumentException(tenantId == null
                    ? "a platform key has exactly the scope '" + ApiScope.TENANTS.id() + "'"
                    : "a tenant's key cannot have the scope '" + ApiScope.TENANTS.id() + "'; a platform admin issues platform keys");
        }
        this.scopes = ApiScope.ids(scopes);
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public void markUsed(Instant when) {
        lastUsedAt = when;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** A platform key: bound to no tenant, it may only provision tenants. */
    public boolean platform() {
        return tenantId == null;
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    String keyHash() {
        return keyHash;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Set<ApiScope> scopes() {
        return ApiScope.parseList(scopes);
    }
}
