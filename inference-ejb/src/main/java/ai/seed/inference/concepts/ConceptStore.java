package ai.seed.inference.concepts;

import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.audit.Idempotency;
import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * The write half of concept registration: concept, images, audit entry and idempotency key in
 * ONE transaction, after all model work is done, so the database never holds a connection while a
 * model thinks and never holds half a concept.
 */
@ApplicationScoped
public class ConceptStore {

    @Inject
    ConceptRepository concepts;
    @Inject
    AuditLog audit;
    @Inject
    Idempotency idempotency;

    @Transactional
    public ConceptView storeNew(Concept concept, String actor, String idempotencyKey, String requestHash) {
        Concept saved = concepts.add(concept);
        audit.record(concept.tenantId(), actor, "concept.create", "concept", saved.id().toString(),
                Map.of("name", saved.name().value(), "images", String.valueOf(saved.images().size()),
                        "identified", String.valueOf(saved.category() != null)));
        if (idempotencyKey != null) {
            idempotency.remember(concept.tenantId(), idempotencyKey, requestHash, saved.id());
        }
        return ConceptViews.of(saved);
    }

    /** Reads a concept and maps it while its images can still be loaded. */
    @Transactional
    public java.util.Optional<ConceptView> view(java.util.UUID tenantId, java.util.UUID id) {
        return concepts.find(tenantId, id).map(ConceptViews::of);
    }

    /** A reference image's thumbnail, read while the lazy bytes can still be loaded. */
    @Transactional
    public java.util.Optional<byte[]> thumbnail(java.util.UUID tenantId, java.util.UUID id, int position) {
        return concepts.find(tenantId, id).flatMap(c -> c.images().stream()
                .filter(i -> i.position() == position).findFirst()).map(i -> i.thumbnail().clone());
    }

    /** Replaces a concept's reference images (and its embedding) in one transaction; empty if it is gone. */
    @Transactional
    public java.util.Optional<ConceptView> replaceImages(java.util.UUID tenantId, java.util.UUID id,
                                                         java.util.List<ai.seed.domain.concept.ReferenceImageData> images,
                                                         String actor) {
        return concepts.find(tenantId, id).map(concept -> {
            Concept replaced = concepts.replaceImages(concept, images);
            replaced.touch(actor);
            return storeUpdate(replaced, actor, Map.of("field", "images", "count", String.valueOf(images.size())));
        });
    }

    @Transactional
    public ConceptView storeUpdate(Concept concept, String actor, Map<String, String> detail) {
        Concept saved = concepts.update(concept);
        audit.record(concept.tenantId(), actor, "concept.update", "concept", saved.id().toString(), detail);
        return ConceptViews.of(saved);
    }

    @Transactional
    public boolean delete(java.util.UUID tenantId, java.util.UUID id, String actor) {
        boolean deleted = concepts.delete(tenantId, id);
        if (deleted) {
            audit.record(tenantId, actor, "concept.delete", "concept", id.toString(), Map.of());
        }
        return deleted;
    }
}
