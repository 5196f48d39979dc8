package ai.seed.inference.scenarios;

import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.scenario.Scenario;
import ai.seed.domain.scenario.ScenarioRepository;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Scenarios: named sets of a tenant's concepts used together in chat. Every concept of a scenario
 * must belong to the scenario's tenant (checked here; another tenant's id is simply "not found").
 */
@ApplicationScoped
@Transactional
public class ScenarioService {

    @Inject
    ScenarioRepository scenarios;
    @Inject
    ConceptRepository concepts;
    @Inject
    AuditLog audit;

    /** A scenario as listed, with its concepts' names. */
    public record ScenarioView(UUID id, String name, String description, List<UUID> conceptIds,
                               List<String> conceptNames, Instant createdAt) {
    }

    public ScenarioView create(Caller caller, String name, String description, Set<UUID> conceptIds) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        List<Concept> members = requireOwn(tenant, conceptIds);
        Scenario saved;
        try {
            saved = scenarios.save(new Scenario(tenant, name, description, ids(members)));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-scenario", e.getMessage());
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "scenario-exists",
                    "a scenario named '" + name + "' already exists");
        }
        audit.record(tenant, caller.actor(), "scenario.create", "scenario", saved.id().toString(), Map.of("name", saved.name()));
        return view(saved, members);
    }

    public List<ScenarioView> list(Caller caller) {
        UUID tenant = caller.require(ApiScope.READ_CONCEPTS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        return scenarios.list(tenant).stream().map(s -> view(s, concepts.findAll(tenant, s.conceptIds()))).toList();
    }

    public ScenarioView get(Caller caller, UUID id) {
        UUID tenant = caller.require(ApiScope.READ_CONCEPTS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        Scenario s = scenarios.find(tenant, id).orElseThrow(() -> ServiceException.notFound("scenario"));
        return view(s, concepts.findAll(tenant, s.conceptIds()));
    }

    public ScenarioView replaceConcepts(Caller caller, UUID id, Set<UUID> conceptIds) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        Scenario s = scenarios.find(tenant, id).orElseThrow(() -> ServiceException.notFound("scenario"));
        List<Concept> members = requireOwn(tenant, conceptIds);
        s.replaceConcepts(ids(members));
        Scenario saved = scenarios.save(s);
        audit.record(tenant, caller.actor(), "scenario.update", "scenario", id.toString(),
                Map.of("concepts", String.valueOf(members.size())));
        return view(saved, members);
    }

    public void delete(Caller caller, UUID id) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        if (!scenarios.delete(tenant, id)) {
            throw ServiceException.notFound("scenario");
        }
        audit.record(tenant, caller.actor(), "scenario.delete", "scenario", id.toString(), Map.of());
    }

    private List<Concept> requireOwn(UUID tenant, Set<UUID> conceptIds) {
        if (conceptIds == null || conceptIds.isEmpty()) {
            throw ServiceException.invalid("empty-scenario", "a scenario needs at least one concept");
        }
        List<Concept> found = concepts.findAll(tenant, conceptIds);
        if (found.size() != conceptIds.size()) {
            throw ServiceException.notFound("concept");
        }
        return found;
    }

    private static Set<UUID> ids(List<Concept> members) {
        Set<UUID> ids = new LinkedHashSet<>();
        members.forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static ScenarioView view(Scenario s, List<Concept> members) {
        return new ScenarioView(s.id(), s.name(), s.description(), members.stream().map(Concept::id).toList(),
                members.stream().map(c -> c.name().value()).toList(), s.createdAt());
    }
}
