package ai.seed.domain.dictionary;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A concept that fell into a meta-concept's cluster, with its cosine to the centroid. */
@Entity
@Table(name = "meta_concept_member")
public class MetaConceptMember {

    /** The member's values. */
    public record Data(String conceptKey, String label, double cosine) {
    }

    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "meta_concept_id")
        Long metaConceptId;
        @Column(name = "concept_key")
        String conceptKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(metaConceptId, k.metaConceptId)
                    && Objects.equals(conceptKey, k.conceptKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(metaConceptId, conceptKey);
        }
    }

    @EmbeddedId
    private Key key = new Key();

    @MapsId("metaConceptId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meta_concept_id")
    private MetaConcept metaConcept;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private double cosine;

    protected MetaConceptMember() {
        // for JPA
    }

    MetaConceptMember(MetaConcept metaConcept, Data data) {
        this.metaConcept = metaConcept;
        this.key.conceptKey = data.conceptKey();
        this.label = data.label();
        this.cosine = data.cosine();
    }

    Data data() {
        return new Data(key.conceptKey, label, cosine);
    }
}
