package ai.seed.inference.evaluation.runs;

import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptIdentity;
import ai.seed.inference.pipeline.TurnConcept;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant's stored concepts as the pipeline takes them, read once per run. */
@ApplicationScoped
public class EvalConcepts {

    @Inject
    ConceptRepository concepts;

    /** @return bare name (no brackets) -> concept, for the names the tenant has */
    @Transactional
    public Map<String, TurnConcept> byName(UUID tenant, Collection<String> bareNames) {
        List<String> ids = bareNames.stream().map(n -> "<" + n + ">").toList();
        Map<String, TurnConcept> out = new HashMap<>();
        for (Concept c : concepts.findByNames(tenant, ids)) {
            String id = c.name().value();
            out.put(id.substring(1, id.length() - 1), toTurn(c));
        }
        return out;
    }

    private static TurnConcept toTurn(Concept c) {
        ConceptIdentity identity = c.category() == null ? null
                : new ConceptIdentity(c.category(), c.attributes() == null ? "" : c.attributes());
        return new TurnConcept(new ConceptCue(c.name().value(), c.description()), identity, c.embedding());
    }
}
