package ai.seed.inference.pipeline;

import ai.seed.domain.embedding.Embedding;

/**
 * A concept in scope of a turn, as the pipeline needs it: the cue (id, description), its stored
 * identity (Table 7; null if not extracted yet) and its reference-image embedding (null if none).
 */
public record TurnConcept(ConceptCue cue, ConceptIdentity identity, Embedding embedding) {

    public String id() {
        return cue.id();
    }
}
