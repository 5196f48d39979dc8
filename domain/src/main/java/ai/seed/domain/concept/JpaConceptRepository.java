package ai.seed.domain.concept;

import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA + pgvector implementation of {@link ConceptRepository}. */
@ApplicationScoped
@Transactional
public class JpaConceptRepository implements ConceptRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public Concept add(Concept concept) {
        TenantGuard.actAs(em, concept.tenantId());
        EmbeddingIndexes.ensure(em, concept.embedding().embedderId(), concept.embedding().dimension());
        em.persist(concept);
        em.flush();
        return concept;
    }

    @Override
    public Concept update(Concept concept) {
        TenantGuard.actAs(em, concept.tenantId());
        Concept merged = em.merge(concept);
        em.flush();
        return merged;
    }

    @Override
    public Concept replaceImages(Concept concept, List<ReferenceImageData> images) {
        TenantGuard.actAs(em, concept.tenantId());
        Concept managed = em.contains(concept) ? concept : em.merge(concept);
        if (images == null || images.isEmpty() || images.size() > Concept.MAX_IMAGES) {
            managed.replaceImages(images); // throws the domain's own message, nothing changed
        }
        managed.clearImagesForReplacement();
        em.flush(); // Hibernate inserts before it deletes orphans: delete first (unique concept_id, position)
        managed.replaceImages(images);
        EmbeddingIndexes.ensure(em, managed.embedding().embedderId(), managed.embedding().dimension());
        em.flush();
        return managed;
    }

    @Override
    public Optional<Concept> find(UUID tenantId, UUID id) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT c FROM Concept c WHERE c.id = :id AND c.tenantId = :t", Concept.class)
                .setParameter("id", id).setParameter("t", tenantId).getResultStream().findFirst();
    }

    @Override
    public Optional<Concept> findByName(UUID tenantId, ConceptName name) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT c FROM Concept c WHERE c.name = :n AND c.tenantId = :t", Concept.class)
                .setParameter("n", name.value()).setParameter("t", tenantId).getResultStream().findFirst();
    }

    @Override
    public List<Concept> findAll(UUID tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT c FROM Concept c WHERE c.id IN :ids AND c.tenantId = :t ORDER BY c.name",
                Concept.class).setParameter("ids", ids).setParameter("t", tenantId).getResultList();
    }

    @Override
    public List<Concept> findByNames(UUID tenantId, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT c FROM Concept c WHERE c.name IN :n AND c.tenantId = :t ORDER BY c.name",
                Concept.class).setParameter("n", names).setParameter("t", tenantId).getResultList();
    }

    @Override
    public ConceptPage list(UUID tenantId, String search, int page, int size) {
        TenantGuard.actAs(em, tenantId);
        String pattern = "%" + (search == null ? "" : search.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_")) + "%";
        String where = " WHERE c.tenantId = :t AND (lower(c.name) LIKE :p OR lower(c.description) LIKE :p)";
        long total = em.createQuery("SELECT count(c) FROM Concept c" + where, Long.class)
                .setParameter("t", tenantId).setParameter("p", pattern).getSingleResult();
        List<Concept> items = em.createQuery("SELECT c FROM Concept c" + where + " ORDER BY c.createdAt DESC, c.name",
                        Concept.class)
                .setParameter("t", tenantId).setParameter("p", pattern)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new ConceptPage(items, total, page, size);
    }

    @Override
    public boolean delete(UUID tenantId, UUID id) {
        Optional<Concept> concept = find(tenantId, id);
        concept.ifPresent(em::remove);
        em.flush();
        return concept.isPresent();
    }

    @Override
    public long count(UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT count(c) FROM Concept c WHERE c.tenantId = :t", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    @Override
    public List<Embedded> embeddingsForClustering(UUID tenantId, String embedderId) {
        TenantGuard.scope(em, tenantId);
        var q = em.createQuery("SELECT c FROM Concept c WHERE c.embedderId = :e"
                + (tenantId == null ? "" : " AND c.tenantId = :t") + " ORDER BY c.tenantId, c.name", Concept.class)
                .setParameter("e", embedderId);
        if (tenantId != null) {
            q.setParameter("t", tenantId);
        }
        return q.getResultList().stream()
                .map(c -> new Embedded(c.id(), c.tenantId(), c.name().value(), c.embedding())).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ConceptMatch> nearestByImage(UUID tenantId, Embedding query, int k) {
        TenantGuard.actAs(em, tenantId);
        // pgvector 0.8: keep scanning the HNSW index until enough rows pass the tenant filter.
        em.createNativeQuery("SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)").getSingleResult();
        String vector = "vector(" + query.dimension() + ")";
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, best.distance FROM (
                    SELECT concept_id, min(distance) AS distance FROM (
                        SELECT ri.concept_id, (ri.embedding::%1$s) <=> CAST(?1 AS %1$s) AS distance
                          FROM reference_image ri
                         WHERE ri.embedder_id = ?2 AND ri.tenant_id = ?3
                         ORDER BY (ri.embedding::%1$s) <=> CAST(?1 AS %1$s)
                         LIMIT ?4) nearest_images
                     GROUP BY concept_id) best
                  JOIN concept c ON c.id = best.concept_id AND c.tenant_id = ?3
                 ORDER BY best.distance, c.name
                 LIMIT ?5""".formatted(vector))
                .setParameter(1, query.toVectorLiteral())
                .setParameter(2, query.embedderId())
                .setParameter(3, tenantId)
                .setParameter(4, k * 4)
                .setParameter(5, k)
                .getResultList();
        return rows.stream().map(r -> new ConceptMatch((UUID) r[0], (String) r[1], 1 - ((Number) r[2]).doubleValue()))
                .toList();
    }
}
