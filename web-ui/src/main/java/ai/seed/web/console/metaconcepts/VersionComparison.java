package ai.seed.web.console.metaconcepts;

import ai.seed.inference.dictionary.VersionView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a dictionary version differs from the active one, in a sentence: K, concepts covered, and
 * how many concepts would share their meta-concept with different concepts than today.
 */
final class VersionComparison {

    private VersionComparison() {
    }

    static String describe(VersionView selected, Optional<VersionView> active) {
        if (active.isEmpty()) {
            return "No version is active yet: activating this one routes turns to its adapters.";
        }
        VersionView a = active.get();
        if (a.id() == selected.id()) {
            return "This is the active version.";
        }
        Map<String, Set<String>> mine = mates(selected);
        Map<String, Set<String>> theirs = mates(a);
        Set<String> common = new HashSet<>(mine.keySet());
        common.retainAll(theirs.keySet());
        long moved = common.stream().filter(c -> !mine.get(c).equals(theirs.get(c))).count();
        long newOnes = mine.keySet().stream().filter(c -> !theirs.containsKey(c)).count();
        long dropped = theirs.keySet().stream().filter(c -> !mine.containsKey(c)).count();
        return "Compared with the active version #" + a.id() + " (K=" + a.metaConcepts().size() + ", "
                + theirs.size() + " concepts): K=" + selected.metaConcepts().size() + ", " + mine.size()
                + " concepts; " + moved + " of " + common.size() + " shared concepts are grouped differently, "
                + newOnes + " new, " + dropped + " no longer covered.";
    }

    /** For each member label, the labels of the members of its meta-concept. */
    private static Map<String, Set<String>> mates(VersionView v) {
        Map<String, Set<String>> out = new HashMap<>();
        for (VersionView.MetaConceptView m : v.metaConcepts()) {
            Set<String> group = Set.copyOf(m.memberLabels());
            for (String label : m.memberLabels()) {
                out.put(label, group);
            }
        }
        return out;
    }

    static Optional<VersionView> active(List<VersionView> versions) {
        return versions.stream().filter(v -> "ACTIVE".equals(v.status())).findFirst();
    }
}
