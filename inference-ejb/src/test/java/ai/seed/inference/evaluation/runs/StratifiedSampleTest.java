package ai.seed.inference.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.evaluation.StoredItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StratifiedSampleTest {

    /** Per concept: 10 positives, 30 negatives (a Yo'LLaVA-like 1:3 mix), and 8 multiple-choice items. */
    private static List<StoredItem> dataset() {
        List<StoredItem> items = new ArrayList<>();
        int position = 0;
        for (String concept : List.of("<bo>", "<mug>")) {
            for (int i = 0; i < 40; i++) {
                items.add(new StoredItem(position++, concept + "-rec-" + i, "RECOGNITION", List.of(concept),
                        "Is " + concept + " here?", null, i < 10 ? "Yes" : "No", List.of(), "sha" + i));
            }
            for (int i = 0; i < 8; i++) {
                items.add(new StoredItem(position++, concept + "-mc-" + i, "MULTIPLE_CHOICE", List.of(concept),
                        "What colour?", "{}", "A", List.of(), "sha" + i));
            }
        }
        return items;
    }

    @Test
    void eachConceptAndTaskGetsNItemsWithPositivesInTheDatasetsProportion() {
        List<StoredItem> sample = StratifiedSample.of(dataset(), 8, 42, false);

        Map<String, Long> byStratum = sample.stream().collect(Collectors.groupingBy(
                i -> i.task() + i.concepts() + i.correct(), Collectors.counting()));
        assertThat(byStratum).containsEntry("RECOGNITION[<bo>]Yes", 2L).containsEntry("RECOGNITION[<bo>]No", 6L)
                .containsEntry("RECOGNITION[<mug>]Yes", 2L).containsEntry("MULTIPLE_CHOICE[<mug>]A", 8L);
        assertThat(sample).hasSize(32);
    }

    @Test
    void balancedTakesHalfPositivesAndHalfNegatives() {
        List<StoredItem> sample = StratifiedSample.of(dataset(), 8, 42, true);
        long yes = sample.stream().filter(i -> i.concepts().contains("<bo>") && "Yes".equals(i.correct())).count();
        long no = sample.stream().filter(i -> i.concepts().contains("<bo>") && "No".equals(i.correct())).count();
        assertThat(yes).isEqualTo(4);
        assertThat(no).isEqualTo(4);
    }

    @Test
    void theSameSeedDrawsTheSameItemsWhateverTheStoredOrderAndAnotherSeedOthers() {
        List<StoredItem> shuffled = new ArrayList<>(dataset());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Function<List<StoredItem>, List<String>> keys = l -> l.stream().map(StoredItem::key).sorted().toList();

        assertThat(keys.apply(StratifiedSample.of(shuffled, 8, 42, false)))
                .isEqualTo(keys.apply(StratifiedSample.of(dataset(), 8, 42, false)));
        assertThat(keys.apply(StratifiedSample.of(dataset(), 8, 43, false)))
                .isNotEqualTo(keys.apply(StratifiedSample.of(dataset(), 8, 42, false)));
    }

    @Test
    void aSampleLargerThanAStratumKeepsTheWholeStratumInTheDatasetsOrder() {
        List<StoredItem> sample = StratifiedSample.of(dataset(), 1000, 1, false);
        assertThat(sample).isEqualTo(dataset());
    }
}
