package ai.seed.domain.adapter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A meta-concept's LoRA adapter as a verified artifact: a PEFT folder (adapter_config.json +
 * adapter_model.safetensors) validated before it was stored, kept content-addressed in the
 * adapter store and served by the small-VLM server as {@link #servedName()}. Immutable: new
 * content is a new artifact, so two dictionary versions never fight over one name.
 */
@Entity
@Table(name = "adapter_artifact")
public class AdapterArtifact {

    /** Where an artifact came from. */
    public enum Kind {
        /** Trained elsewhere and uploaded by an operator or a training job. */
        UPLOADED,
        /** Top-K fusion the product built from uploaded adapters. */
        FUSED
    }

    /** What validation read from the files. */
    public record Facts(String baseModel, int rank, double loraAlpha, List<String> targetModules, int tensorCount,
                        long sizeBytes) {
        public Facts {
            Objects.requireNonNull(baseModel, "baseModel");
            targetModules = List.copyOf(targetModules);
        }
    }

    @Id
    @Column(name = "sha256")
    private String sha256;

    @Column(name = "served_name", nullable = false, unique = true)
    private String servedName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "base_model", nullable = false)
    private String baseModel;

    @Column(name = "lora_rank", nullable = false)
    private int rank;

    @Column(name = "lora_alpha", nullable = false)
    private double loraAlpha;

    @Column(name = "target_modules", nullable = false)
    private String targetModules;

    @Column(name = "tensor_count", nullable = false)
    private int tensorCount;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "fused_from")
    private String fusedFrom;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AdapterArtifact() {
        // for JPA
    }

    private AdapterArtifact(String sha256, String servedName, Kind kind, Facts facts, String fusedFrom,
                            String createdBy) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        this.sha256 = sha256;
        this.servedName = Objects.requireNonNull(servedName, "servedName");
        this.kind = kind;
        this.baseModel = facts.baseModel();
        this.rank = facts.rank();
        this.loraAlpha = facts.loraAlpha();
        this.targetModules = String.join(",", facts.targetModules());
        this.tensorCount = facts.tensorCount();
        this.sizeBytes = facts.sizeBytes();
        this.fusedFrom = fusedFrom;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Instant.now();
    }

    public static AdapterArtifact uploaded(String sha256, String servedName, Facts facts, String createdBy) {
        return new AdapterArtifact(sha256, servedName, Kind.UPLOADED, facts, null, createdBy);
    }

    /** A fusion of {@code parts} (their sha256): the cache key is the sorted list. */
    public static AdapterArtifact fused(String sha256, String servedName, Facts facts, List<String> parts,
                                        String createdBy) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a fusion has at least two parts");
        }
        return new AdapterArtifact(sha256, servedName, Kind.FUSED, facts, fusionKey(parts), createdBy);
    }

    /** The parts of a fusion in the order that identifies it. */
    public static String fusionKey(List<String> parts) {
        return String.join(",", parts.stream().sorted().toList());
    }

    public String sha256() {
        return sha256;
    }

    public String servedName() {
        return servedName;
    }

    public Kind kind() {
        return kind;
    }

    public Facts facts() {
        return new Facts(baseModel, rank, loraAlpha, List.of(targetModules.split(",")), tensorCount, sizeBytes);
    }

    public List<String> fusedFrom() {
        return fusedFrom == null ? List.of() : List.of(fusedFrom.split(","));
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
