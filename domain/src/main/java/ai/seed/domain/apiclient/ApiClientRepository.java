package ai.seed.domain.apiclient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port for partner API clients. */
public interface ApiClientRepository {

    ApiClient add(ApiClient client);

    /** For authentication: finds a key's row by its prefix across tenants. */
    Optional<ApiClient> findByPrefix(String prefix);

    /** A usable (not revoked, not expired) client, across tenants: for resolving an authenticated key. */
    Optional<ApiClient> findUsable(UUID clientId);

    /** The tenant's keys; {@code null}: the platform keys. */
    List<ApiClient> list(UUID tenantId);

    /** Revokes the tenant's key ({@code null}: a platform key); false when no such key is theirs. */
    boolean revoke(UUID tenantId, UUID id);

    void markUsed(UUID id, java.time.Instant when);
}
