package ai.seed.inference.chat;

import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptMatch;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.scenario.Scenario;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptIdentity;
import ai.seed.inference.pipeline.TurnConcept;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which concepts a turn puts in front of the models. A scenario (or, by default, all of a
 * tenant's concepts) that fits one detection prompt is used whole, as in the paper. Beyond that
 * limit (seed.pipeline.max-concepts-per-prompt), the candidates are the concepts the question
 * names plus those whose reference images are nearest the query image (pgvector HNSW), so a
 * tenant can hold thousands of concepts.
 */
@ApplicationScoped
public class CandidateSelector {

    private static final Pattern NAMED = Pattern.compile("<[a-z0-9_-]{1,64}>");

    @Inject
    ConceptRepository concepts;

    /** The selected concepts and how they were chosen (for the trace). */
    public record Selection(List<TurnConcept> concepts, String how) {
    }

    @Transactional
    public Selection select(UUID tenant, Scenario scenario, String question, Embedding image, int max) {
        Set<UUID> scope = scenario == null ? null : scenario.conceptIds();
        long size = scope == null ? concepts.count(tenant) : scope.size();
        if (size <= max) {
            List<Concept> all = scope == null ? concepts.list(tenant, null, 0, max).items() : concepts.findAll(tenant, scope);
            return new Selection(all.stream().map(CandidateSelector::toTurn).toList(), "all " + all.size() + " in scope");
        }
        Map<UUID, Concept> chosen = new LinkedHashMap<>();
        for (Concept c : concepts.findByNames(tenant, named(question))) {
            if (scope == null || scope.contains(c.id())) {
                chosen.put(c.id(), c);
            }
        }
        int named = chosen.size();
        if (image != null && chosen.size() < max) {
            List<UUID> nearest = new ArrayList<>();
            for (ConceptMatch m : concepts.nearestByImage(tenant, image, (max - chosen.size()) * 3)) {
                if ((scope == null || scope.contains(m.conceptId())) && !chosen.containsKey(m.conceptId())) {
                    nearest.add(m.conceptId());
                }
            }
            concepts.findAll(tenant, nearest.subList(0, Math.min(nearest.size(), max - chosen.size())))
                    .forEach(c -> chosen.put(c.id(), c));
        }
        return new Selection(chosen.values().stream().map(CandidateSelector::toTurn).toList(),
                named + " named in the question + " + (chosen.size() - named) + " nearest to the image, of " + size);
    }

    static Set<String> named(String question) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(question == null ? "" : question);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static TurnConcept toTurn(Concept c) {
        ConceptIdentity identity = c.category() == null ? null
                : new ConceptIdentity(c.category(), c.attributes() == null ? "" : c.attributes());
        return new TurnConcept(new ConceptCue(c.name().value(), c.description()), identity, c.embedding());
    }
}
