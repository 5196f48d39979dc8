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
}
