package ai.seed.domain.scenario;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A named set of a tenant's concepts used together in chat (MC-LLaVA's multi-concept scenes).
 * A tenant's default scenario is all of its concepts and is not stored.
 */
@Entity
@Table(name = "scenario")
public class Scenario {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String description;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "scenario_concept", joinColumns = @JoinColumn(name = "scenario_id"))
    @Column(name = "concept_id")
    private Set<UUID> conceptIds = new LinkedHashSet<>();

    protected Scenario() {
        // for JPA
    }

    public Scenario(UUID tenantId, String name, String description, Set<UUID> conceptIds) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("scenario name must be 1-200 characters");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.strip();
        this.description = description == null ? "" : description.strip();
        this.createdAt = Instant.now();
        this.conceptIds.addAll(conceptIds);
    }

    public void replaceConcepts(Set<UUID> ids) {
        conceptIds.clear();
        conceptIds.addAll(ids);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Set<UUID> conceptIds() {
        return Set.copyOf(conceptIds);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
