package ai.seed.domain.concept;

import ai.seed.domain.embedding.Embedding;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's personal concept ({@code <bo>}): description, 1..N reference images, the identity
 * the large VLM extracted from the description (paper Table 7) and the concept embedding.
 *
 * <p>Invariants: at least one reference image; the concept embedding is the normalised mean of
 * its images' embeddings, all from one embedder; identity is null only when no large VLM was
 * available to extract it (the pipeline then falls back to the description).
 */
@Entity
@Table(name = "concept")
public class Concept {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_IMAGES = 10;

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String description;
    private String category;
    private String attributes;
    @Column(name = "embedder_id", nullable = false)
    private String embedderId;
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Column(nullable = false)
    private float[] embedding;
    @Version
    @Column(nullable = false)
    private int version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @OneToMany(mappedBy = "concept", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ReferenceImage> images = new ArrayList<>();

    protected Concept() {
        // for JPA
    }

    public Concept(UUID tenantId, ConceptName name, String description, List<ReferenceImageData> images, String actor) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.value();
        this.description = validDescription(description);
        this.createdAt = Instant.now();
        this.createdBy = actor;
        this.updatedAt = createdAt;
        this.updatedBy = actor;
        replaceImages(images);
    }

    static String validDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new InvalidConceptException("missing-description", "a concept needs a description (one sentence is enough)");
        }
        String d = description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw new InvalidConceptException("description-too-long",
                    "description is " + d.length() + " characters; the limit is " + MAX_DESCRIPTION);
        }
        return d;
    }

    /** Replaces all reference images and recomputes the concept embedding from them. */
    public void replaceImages(List<ReferenceImageData> newImages) {
        if (newImages == null || newImages.isEmpty()) {
            throw new InvalidConceptException("missing-images", "a concept needs at least one reference image");
        }
        if (newImages.size() > MAX_IMAGES) {
            throw new InvalidConceptException("too-many-images",
                    newImages.size() + " reference images; the limit is " + MAX_IMAGES);
        }
        Embedding mean = Embedding.mean(newImages.stream().map(ReferenceImageData::embedding).toList());
        images.clear();
        for (int i = 0; i < newImages.size(); i++) {
            images.add(new ReferenceImage(this, i, newImages.get(i)));
        }
        this.embedderId = mean.embedderId();
        this.embedding = mean.values();
    }

    /** Drops every image (the repository flushes this before new images with the same positions go in). */
    void clearImagesForReplacement() {
        images.clear();
    }

    public void describe(String newDescription, String actor) {
        this.description = validDescription(newDescription);
        touch(actor);
    }

    public void identify(String newCategory, String newAttributes) {
        this.category = newCategory;
        this.attributes = newAttributes;
    }

    public void touch(String actor) {
        this.updatedAt = Instant.now();
        this.updatedBy = actor;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public ConceptName name() {
        return new ConceptName(name);
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public String attributes() {
        return attributes;
    }

    public Embedding embedding() {
        return Embedding.normalized(embedderId, embedding);
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public List<ReferenceImage> images() {
        return Collections.unmodifiableList(images);
    }
}
