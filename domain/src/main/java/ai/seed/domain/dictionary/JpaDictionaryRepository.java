package ai.seed.domain.dictionary;

import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.embedding.IncompatibleEmbeddingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** JPA + pgvector implementation of {@link DictionaryRepository}. */
@ApplicationScoped
@Transactional
public class JpaDictionaryRepository implements DictionaryRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public DictionaryVersion save(DictionaryVersion version) {
        if (version.id() == null) {
            em.persist(version);
            return version;
        }
        return em.merge(version);
    }

    @Override
    public Optional<DictionaryVersion> findVersion(long id) {
        return Optional.ofNullable(em.find(DictionaryVersion.class, id));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MetaConceptMatch> nearest(long versionId, Embedding query, int k) {
        DictionaryVersion version = findVersion(versionId)
                .orElseThrow(() -> new IllegalArgumentException("no dictionary version " + versionId));
        if (!version.embedderId().equals(query.embedderId()) || version.dimension() != query.dimension()) {
            throw new IncompatibleEmbeddingException(version.embedderId(), version.dimension(),
                    query.embedderId(), query.dimension());
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, cluster_index, label, adapter_ref, 1 - (centroid <=> CAST(?1 AS vector)) AS cosine
                  FROM meta_concept
                 WHERE dictionary_version_id = ?2
                 ORDER BY centroid <=> CAST(?1 AS vector), cluster_index
                 LIMIT ?3""")
                .setParameter(1, query.toVectorLiteral())
                .setParameter(2, versionId)
                .setParameter(3, Math.max(1, k))
                .getResultList();
        return rows.stream()
                .map(r -> new MetaConceptMatch(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        (String) r[2], (String) r[3], ((Number) r[4]).doubleValue()))
                .toList();
    }
}
