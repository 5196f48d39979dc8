package ai.seed.web.console.metaconcepts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.inference.dictionary.VersionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionComparisonTest {

    static VersionView version(long id, String status, List<List<String>> groups) {
        List<VersionView.MetaConceptView> mcs = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            mcs.add(new VersionView.MetaConceptView(i, groups.get(i).get(0), "meta-" + i, groups.get(i).size(),
                    groups.get(i).get(0), groups.get(i)));
        }
        return new VersionView(id, "v" + id, status, "baseline", 8, "tenant-concepts", 1.0, Instant.EPOCH, null, mcs);
    }

    @Test
    void countsConceptsGroupedDifferentlyNewAndDropped() {
        VersionView active = version(1, "ACTIVE", List.of(List.of("<a>", "<b>"), List.of("<c>", "<d>")));
        VersionView next = version(2, "READY", List.of(List.of("<a>", "<c>"), List.of("<b>"), List.of("<e>")));

        String text = VersionComparison.describe(next, Optional.of(active));

        assertThat(text).contains("active version #1 (K=2, 4 concepts)").contains("K=3, 4 concepts")
                .contains("3 of 3 shared concepts are grouped differently, 1 new, 1 no longer covered");
        assertThat(VersionComparison.describe(active, Optional.of(active))).isEqualTo("This is the active version.");
        assertThat(VersionComparison.describe(next, Optional.empty())).startsWith("No version is active yet");
        assertThat(VersionComparison.active(List.of(next, active))).contains(active);
    }
}
