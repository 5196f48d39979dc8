package ai.seed.domain.scenario;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port for scenarios, always scoped to one tenant. */
public interface ScenarioRepository {

    Scenario save(Scenario scenario);

    Optional<Scenario> find(UUID tenantId, UUID id);

    List<Scenario> list(UUID tenantId);

    boolean delete(UUID tenantId, UUID id);
}
