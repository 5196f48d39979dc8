package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A stratified sample of a dataset's items, so that a customer can iterate on a few hundred turns
 * instead of 13,490: per stratum (task and concept) at most {@code perConcept} items; for
 * recognition the positives ("Yes") and negatives ("No") are kept in the stratum's proportions,
 * or balanced half and half. The draw depends only on the items' keys and the seed, so two runs
 * with the same seed score exactly the same items, whatever order the dataset was stored in.
 */
public final class StratifiedSample {

    private StratifiedSample() {
    }

    /** The sampled items, in the dataset's order. */
    public static List<StoredItem> of(List<StoredItem> items, int perConcept, long seed, boolean balanced) {
        if (perConcept < 1) {
            throw new IllegalArgumentException("perConcept must be at least 1");
        }
        Map<String, List<StoredItem>> strata = new LinkedHashMap<>();
        for (StoredItem item : items) {
            strata.computeIfAbsent(stratum(item), k -> new ArrayList<>()).add(item);
        }
        Set<String> chosen = new HashSet<>();
        strata.forEach((stratum, members) -> chosen.addAll(draw(stratum, members, perConcept, seed, balanced)));
        return items.stream().filter(i -> chosen.contains(i.key())).toList();
    }

    private static List<String> draw(String stratum, List<StoredItem> members, int n, long seed, boolean balanced) {
        if (!stratum.startsWith("RECOGNITION|")) {
            return pick(stratum, members, n, seed);
        }
        List<StoredItem> yes = members.stream().filter(StratifiedSample::positive).toList();
        List<StoredItem> no = members.stream().filter(i -> !positive(i)).toList();
        int wantYes = balanced ? (n + 1) / 2 : proportional(n, yes.size(), members.size());
        int takeYes = Math.min(yes.size(), wantYes);
        int takeNo = Math.min(no.size(), n - takeYes);
        List<String> out = new ArrayList<>(pick(stratum + "|yes", yes, takeYes, seed));
        out.addAll(pick(stratum + "|no", no, takeNo, seed));
        return out;
    }

    /** The positives' share of {@code n}, at least one of each class when both exist and n allows. */
    private static int proportional(int n, int positives, int total) {
        if (total == 0) {
            return 0;
        }
        int share = (int) Math.round((double) n * positives / total);
        if (n >= 2 && positives > 0 && positives < total) {
            share = Math.max(1, Math.min(n - 1, share));
        }
        return share;
    }

    /** {@code n} of the members, by a shuffle of their sorted keys seeded with the seed and the stratum. */
    private static List<String> pick(String stratum, List<StoredItem> members, int n, long seed) {
        List<String> keys = new ArrayList<>(members.stream().map(StoredItem::key).sorted(Comparator.naturalOrder()).toList());
        Collections.shuffle(keys, new Random(seed * 1_000_003L + stratum.hashCode()));
        return keys.subList(0, Math.min(n, keys.size()));
    }

    private static String stratum(StoredItem item) {
        return item.task() + "|" + String.join("+", item.concepts());
    }

    private static boolean positive(StoredItem item) {
        return item.correct() != null && item.correct().strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
