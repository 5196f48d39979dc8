package ai.seed.web.console.chat;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the chat offers to pick from: the tenant's scenarios and concept names, as plain values. */
@ApplicationScoped
public class ChatChoices {

    /** The most concept names the {@code <} helper lists (the service pages at 200). */
    static final int MAX_CONCEPTS = 1000;

    @Inject
    ScenarioService scenarios;
    @Inject
    ConceptService concepts;

    /** A scenario to pick. */
    public record ScenarioChoice(UUID id, String name, int conceptCount) {
    }

    public List<ScenarioChoice> scenarios(Caller caller) {
        return scenarios.list(caller).stream()
                .map(s -> new ScenarioChoice(s.id(), s.name(), s.conceptIds().size())).toList();
    }

    public List<String> conceptNames(Caller caller) {
        List<String> names = new ArrayList<>();
        for (int page = 0; names.size() < MAX_CONCEPTS; page++) {
            var listing = concepts.list(caller, null, page, 200);
            listing.items().stream().map(ConceptView::name).forEach(names::add);
            if ((long) (page + 1) * 200 >= listing.total() || listing.items().isEmpty()) {
                break;
            }
        }
        return names;
    }
}
