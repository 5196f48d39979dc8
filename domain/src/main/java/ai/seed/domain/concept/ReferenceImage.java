package ai.seed.domain.concept;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A validated reference image of a concept (part of the {@link Concept} aggregate): the stored
 * bytes (orientation applied), sha256 of what was uploaded, size, thumbnail and its embedding.
 */
@Entity
@Table(name = "reference_image")
public class ReferenceImage {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "concept_id")
    private Concept concept;
    @Column(nullable = false)
    private int position;
    @Column(name = "mime_type", nullable = false)
    private String mimeType;
    @Column(nullable = false)
    private String sha256;
    @Column(nullable = false)
    private int width;
    @Column(nullable = false)
    private int height;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] bytes;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] thumbnail;
    @Column(name = "embedder_id", nullable = false)
    private String embedderId;
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Column(nullable = false)
    private float[] embedding;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReferenceImage() {
        // for JPA
    }

    ReferenceImage(Concept concept, int position, ReferenceImageData d) {
        this.id = UUID.randomUUID();
        this.tenantId = concept.tenantId();
        this.concept = concept;
        this.position = position;
        this.mimeType = d.mimeType();
        this.sha256 = d.sha256();
        this.width = d.width();
        this.height = d.height();
        this.bytes = d.bytes();
        this.thumbnail = d.thumbnail();
        this.embedderId = d.embedding().embedderId();
        this.embedding = d.embedding().values();
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String mimeType() {
        return mimeType;
    }

    public String sha256() {
        return sha256;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public byte[] bytes() {
        return bytes;
    }

    public byte[] thumbnail() {
        return thumbnail;
    }

    public ai.seed.domain.embedding.Embedding embedding() {
        return ai.seed.domain.embedding.Embedding.normalized(embedderId, embedding);
    }
}
