package ai.seed.inference.evaluation;

import ai.seed.inference.dictionary.DatasetConcept;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The paper's leakage guard (§4.1, Implementation details): concepts that serve as meta-concept
 * representatives were seen in meta-training, so they, "along with images and Q&amp;As", are
 * removed from every evaluation set.
 *
 * <p>An item is removed when it is about a representative (one of its {@code concepts}) or when
 * its image shows one (a tag {@code shows:<name>}, which importers set on images whose concepts
 * they know, e.g. the negatives of a recognition set built from test folders). The
 * representatives' own concept entries are dropped too. Pure: the input is not changed.
 */
public final class LeakageGuard {

    /** Prefix of the tag that names a concept visible in an item's image. */
    public static final String SHOWS_TAG_PREFIX = "shows:";

    private LeakageGuard() {
    }

    /**
     * What the guard kept and what it removed.
     *
     * @param removedConcepts the representatives that were concepts of the dataset, in dataset order
     */
    public record Result(EvalDataset kept, List<EvalItem> removedItems, List<String> removedConcepts) {

        public Result {
            removedItems = List.copyOf(removedItems);
            removedConcepts = List.copyOf(removedConcepts);
        }
    }

    /** The tag that marks {@code concept} as visible in an item's image. */
    public static String showsTag(String concept) {
        return SHOWS_TAG_PREFIX + concept;
    }

    /** @param representatives concept names, with or without the brackets of the id, any case */
    public static Result exclude(EvalDataset dataset, Collection<String> representatives) {
        Set<String> names = representatives.stream().map(LeakageGuard::normalise).collect(Collectors.toSet());
        List<EvalItem> kept = new ArrayList<>();
        List<EvalItem> removed = new ArrayList<>();
        for (EvalItem item : dataset.items()) {
            (involves(item, names) ? removed : kept).add(item);
        }
        List<DatasetConcept> keptConcepts = new ArrayList<>();
        List<String> removedConcepts = new ArrayList<>();
        for (DatasetConcept concept : dataset.concepts()) {
            if (names.contains(concept.name())) {
                removedConcepts.add(concept.name());
            } else {
                keptConcepts.add(concept);
            }
        }
        EvalDataset guarded = new EvalDataset(dataset.name(), dataset.format(), keptConcepts, kept, dataset.skipped());
        return new Result(guarded, removed, removedConcepts);
    }

    private static boolean involves(EvalItem item, Set<String> names) {
        if (item.concepts().stream().anyMatch(names::contains)) {
            return true;
        }
        return item.tags().stream().filter(t -> t.startsWith(SHOWS_TAG_PREFIX))
                .anyMatch(t -> names.contains(t.substring(SHOWS_TAG_PREFIX.length())));
    }

    private static String normalise(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("<") && n.endsWith(">")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.strip().toLowerCase(Locale.ROOT);
    }
}
