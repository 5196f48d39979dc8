package ai.seed.domain.dictionary;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One version of the meta-concept dictionary (paper §3.3): K meta-concepts, each a centroid
 * embedding with its LoRA adapter reference. Platform-wide when {@code tenantId} is null.
 *
 * <p>Invariant: all meta-concepts of a version come from one embedder and have its dimension.
 */
@Entity
@Table(name = "dictionary_version")
public class DictionaryVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "embedder_id", nullable = false)
    private String embedderId;

    @Column(name = "dimension", nullable = false)
    private int dimension;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DictionaryStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    /** Where the clustering data came from: "manual", "platform", "dataset:yollava", ... */
    @Column(name = "source", nullable = false)
    private String source = "manual";

    @Column(name = "inertia")
    private Double inertia;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("clusterIndex")
    private List<MetaConcept> metaConcepts = new ArrayList<>();

    protected DictionaryVersion() {
        // for JPA
    }

    public DictionaryVersion(UUID tenantId, String label, String embedderId, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.tenantId = tenantId;
        this.label = label;
        this.embedderId = embedderId;
        this.dimension = dimension;
        this.status = DictionaryStatus.TRAINING;
        this.createdAt = Instant.now();
    }

    /** Adds a meta-concept; its centroid must come from this version's embedder. */
    public MetaConcept addMetaConcept(int clusterIndex, String conceptLabel, String adapterRef, int memberCount,
                                      ai.seed.domain.embedding.Embedding centroid) {
        if (!centroid.embedderId().equals(embedderId) || centroid.dimension() != dimension) {
            throw new IllegalArgumentException("centroid " + centroid + " does not match version embedder "
                    + embedderId + "/" + dimension);
        }
        MetaConcept mc = new MetaConcept(this, clusterIndex, conceptLabel, adapterRef, memberCount, centroid.values());
        metaConcepts.add(mc);
        return mc;
    }

    public void markReady() {
        this.status = DictionaryStatus.READY;
    }

    /** Only through {@link DictionaryRepository#activate}, which demotes the previous one first. */
    void markActive() {
        this.status = DictionaryStatus.ACTIVE;
        this.activatedAt = Instant.now();
    }

    public void describeTraining(String trainingSource, Double clusteringInertia) {
        this.source = trainingSource;
        this.inertia = clusteringInertia;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String source() {
        return source;
    }

    public Double inertia() {
        return inertia;
    }

    public Long id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String label() {
        return label;
    }

    public String embedderId() {
        return embedderId;
    }

    public int dimension() {
        return dimension;
    }

    public DictionaryStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<MetaConcept> metaConcepts() {
        return Collections.unmodifiableList(metaConcepts);
    }
}
