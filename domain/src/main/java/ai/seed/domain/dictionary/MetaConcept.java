package ai.seed.domain.dictionary;

import ai.seed.domain.embedding.Embedding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A meta-concept (paper §3.3.1): the centroid of one K-means cluster of concept embeddings and
 * the LoRA adapter trained for it. The adapter is picked online by cosine similarity (Eq. 1).
 */
@Entity
@Table(name = "meta_concept")
public class MetaConcept {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dictionary_version_id")
    private DictionaryVersion version;

    @Column(name = "cluster_index", nullable = false)
    private int clusterIndex;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "adapter_ref", nullable = false)
    private String adapterRef;

    /** The uploaded or fused artifact behind {@link #adapterRef}, when there is one. */
    @Column(name = "adapter_sha256")
    private String adapterSha256;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Column(name = "centroid", nullable = false)
    private float[] centroid;

    @Column(name = "representative_key")
    private String representativeKey;

    @jakarta.persistence.OneToMany(mappedBy = "metaConcept", cascade = jakarta.persistence.CascadeType.ALL,
            orphanRemoval = true)
    private java.util.List<MetaConceptMember> members = new java.util.ArrayList<>();

    protected MetaConcept() {
        // for JPA
    }

    MetaConcept(DictionaryVersion version, int clusterIndex, String label, String adapterRef, int memberCount,
                float[] centroid) {
        this.version = version;
        this.clusterIndex = clusterIndex;
        this.label = label;
        this.adapterRef = adapterRef;
        this.memberCount = memberCount;
        this.centroid = centroid;
    }

    /** Records the cluster's concepts and which one represents it (paper App. C.1). */
    public void recordMembers(String representative, java.util.List<MetaConceptMember.Data> clusterMembers) {
        this.representativeKey = representative;
        members.clear();
        clusterMembers.forEach(m -> members.add(new MetaConceptMember(this, m)));
    }

    /** An operator points the meta-concept at the adapter trained for it. */
    public void changeAdapter(String newAdapterRef) {
        if (newAdapterRef == null || newAdapterRef.isBlank() || newAdapterRef.length() > 300) {
            throw new IllegalArgumentException("adapter reference must be 1-300 characters");
        }
        this.adapterRef = newAdapterRef.strip();
        this.adapterSha256 = null; // a typed name has no verified artifact behind it
    }

    /** Points the meta-concept at a verified artifact, served as {@code servedName}. */
    public void attachArtifact(String sha256, String servedName) {
        this.adapterSha256 = java.util.Objects.requireNonNull(sha256, "sha256");
        this.adapterRef = java.util.Objects.requireNonNull(servedName, "servedName");
    }

    /** The artifact's sha256, or null when the adapter is only a name. */
    public String adapterSha256() {
        return adapterSha256;
    }

    public String representativeKey() {
        return representativeKey;
    }

    public java.util.List<MetaConceptMember.Data> members() {
        return members.stream().map(MetaConceptMember::data).toList();
    }

    public Long id() {
        return id;
    }

    public DictionaryVersion version() {
        return version;
    }

    public int clusterIndex() {
        return clusterIndex;
    }

    public String label() {
        return label;
    }

    public String adapterRef() {
        return adapterRef;
    }

    public int memberCount() {
        return memberCount;
    }

    public Embedding centroid() {
        return Embedding.normalized(version.embedderId(), centroid);
    }
}
