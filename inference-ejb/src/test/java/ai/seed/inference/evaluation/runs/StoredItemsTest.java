package ai.seed.inference.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.evaluation.StoredItem;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalItems;
import ai.seed.inference.evaluation.EvalTask;
import org.junit.jupiter.api.Test;

/** Items survive the trip through their stored form (what the metrics read of them). */
class StoredItemsTest {

    @Test
    void choiceItemsKeepOptionsInLetterOrderAndTags() {
        EvalItem item = EvalItems.choice("c1", "bo", "B", "sqa");
        StoredItem stored = StoredItems.toStored(7, item, "ab12");
        EvalItem back = StoredItems.toEval(stored);
        assertThat(back.key()).isEqualTo("c1");
        assertThat(back.task()).isEqualTo(EvalTask.MULTIPLE_CHOICE);
        assertThat(back.options()).containsExactlyEntriesOf(item.options());
        assertThat(back.correct()).isEqualTo("B");
        assertThat(back.tags()).containsExactlyInAnyOrderElementsOf(item.tags());
        assertThat(back.concepts()).containsExactly("bo");
        assertThat(stored.imageSha256()).isEqualTo("ab12");
    }

    @Test
    void textOnlyItemsHaveNoImage() {
        EvalItem item = EvalItems.textOnly("t1", "bo", "A");
        EvalItem back = StoredItems.toEval(StoredItems.toStored(0, item, null));
        assertThat(back.image()).isNull();
        assertThat(back.task()).isEqualTo(EvalTask.TEXT_ONLY);
    }
}
