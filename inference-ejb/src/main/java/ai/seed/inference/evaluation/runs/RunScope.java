package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.LeakageGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which items of its dataset a run answers: all of them, or, with the leakage guard on, those
 * that are not about a representative of a meta-concept of the run's (pinned) dictionary version.
 * Deterministic for a run, so a resumed run answers the same set.
 */
@ApplicationScoped
public class RunScope {

    @Inject
    EvaluationRepository repository;

    /** The included items (without image bytes) and how many the guard removed. */
    public record Items(List<StoredItem> included, int excluded, List<String> representatives) {
    }

    public Items of(EvaluationRun run) {
        List<StoredItem> all = repository.items(run.tenantId(), run.datasetId());
        if (!run.leakageGuard() || run.dictionaryVersionId() == null) {
            return new Items(sampled(run, all), 0, List.of());
        }
        Set<String> representatives = repository.representativeNames(run.tenantId(), run.dictionaryVersionId());
        List<EvalItem> asEval = all.stream().map(StoredItems::toEval).toList();
        LeakageGuard.Result guarded = LeakageGuard.exclude(new EvalDataset("run", "stored", List.of(), asEval, List.of()),
                representatives);
        Set<String> kept = guarded.kept().items().stream().map(EvalItem::key).collect(Collectors.toSet());
        List<StoredItem> included = all.stream().filter(i -> kept.contains(i.key())).toList();
        return new Items(sampled(run, included), all.size() - included.size(), representatives.stream().sorted().toList());
    }

    /** The run's stratified sample of the items left after the guard, or all of them. */
    private static List<StoredItem> sampled(EvaluationRun run, List<StoredItem> items) {
        return run.samplePerConcept() == null ? items
                : StratifiedSample.of(items, run.samplePerConcept(), run.sampleSeed(), run.sampleBalanced());
    }
}
