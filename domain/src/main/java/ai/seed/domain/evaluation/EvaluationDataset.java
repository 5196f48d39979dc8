package ai.seed.domain.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An imported evaluation set of one tenant: its name, importer format, concept ids and item
 * count. The items (with their image bytes) are rows of {@code eval_item}, written in the same
 * transaction as this row.
 */
@Entity
@Table(name = "eval_dataset")
public class EvaluationDataset {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String format;
    @Column(name = "item_count", nullable = false)
    private int itemCount;
    @Column(name = "concept_names", nullable = false)
    private String conceptNames;
    @Column(nullable = false)
    private String skipped;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EvaluationDataset() {
        // for JPA
    }

    public EvaluationDataset(UUID tenantId, String name, String format, int itemCount, List<String> conceptNames,
                             List<String> skipped, String createdBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.format = format;
        this.itemCount = itemCount;
        this.conceptNames = String.join(",", conceptNames);
        this.skipped = String.join("\n", skipped);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
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

    public String format() {
        return format;
    }

    public int itemCount() {
        return itemCount;
    }

    public List<String> conceptNames() {
        return conceptNames.isEmpty() ? List.of() : Arrays.asList(conceptNames.split(","));
    }

    public List<String> skipped() {
        return skipped.isEmpty() ? List.of() : Arrays.asList(skipped.split("\n"));
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
