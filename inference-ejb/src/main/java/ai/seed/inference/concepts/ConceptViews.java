package ai.seed.inference.concepts;

import ai.seed.domain.concept.Concept;

/** Entity to view mapping, in one place. */
final class ConceptViews {

    private ConceptViews() {
    }

    static ConceptView of(Concept c) {
        return new ConceptView(c.id(), c.name().value(), c.description(), c.category(), c.attributes(),
                c.embedding().embedderId(), c.embedding().dimension(),
                c.images().stream().map(i -> new ConceptView.ImageView(i.id(), i.position(), i.mimeType(), i.sha256(),
                        i.width(), i.height())).toList(),
                c.version(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy());
    }
}
