package ai.seed.domain.concept;

import ai.seed.domain.embedding.Embedding;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port for concepts. Every method takes the tenant and touches only that tenant's rows (first
 * isolation layer); implementations also set the row-level-security context (second layer).
 */
public interface ConceptRepository {

    Concept add(Concept concept);

    Concept update(Concept concept);

    Optional<Concept> find(UUID tenantId, UUID id);

    /**
     * Replaces the concept's images (and embedding): the old rows are deleted before the new ones
     * are inserted, so positions can be reused within one transaction.
     */
    Concept replaceImages(Concept concept, List<ReferenceImageData> images);

    Optional<Concept> findByName(UUID tenantId, ConceptName name);

    List<Concept> findAll(UUID tenantId, Collection<UUID> ids);

    List<Concept> findByNames(UUID tenantId, Collection<String> names);

    /** Newest first; {@code search} matches name or description, case-insensitively. */
    ConceptPage list(UUID tenantId, String search, int page, int size);

    boolean delete(UUID tenantId, UUID id);

    long count(UUID tenantId);

    /** A concept's embedding for clustering. */
    record Embedded(UUID id, UUID tenantId, String name, Embedding embedding) {
    }

    /**
     * Concept embeddings of one embedder for "retrain clusters": one tenant's, or every tenant's
     * when {@code tenantId} is null (platform administration).
     */
    List<Embedded> embeddingsForClustering(UUID tenantId, String embedderId);

    /**
     * Candidate retrieval: the concepts whose reference images are nearest {@code query} (pgvector
     * HNSW over reference-image embeddings of the query's embedder), best first, one entry each.
     */
    List<ConceptMatch> nearestByImage(UUID tenantId, Embedding query, int k);
}
