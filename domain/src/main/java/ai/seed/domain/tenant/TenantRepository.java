package ai.seed.domain.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port for tenants. Creating and listing all is platform administration. */
public interface TenantRepository {

    Tenant create(Tenant tenant);

    Optional<Tenant> find(UUID id);

    Optional<Tenant> findBySlug(String slug);

    List<Tenant> listAll();

    /** Platform administration: the tenant, to suspend or resume it (changes commit with the caller's transaction). */
    Optional<Tenant> findForAdministration(UUID id);

    /** Whether the tenant is suspended (false for an unknown id): checked on every authenticated call. */
    boolean suspended(UUID id);

    /**
     * Deletes the tenant and everything it owns (users, keys, concepts, reference images and their
     * embeddings, scenarios, turns and their traces, evaluations, its own dictionaries and jobs) in
     * the caller's transaction, and returns how many rows of each kind went. The audit trail stays.
     */
    java.util.Map<String, Long> delete(UUID id);
}
