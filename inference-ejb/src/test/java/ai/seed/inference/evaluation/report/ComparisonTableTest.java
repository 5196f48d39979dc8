package ai.seed.inference.evaluation.report;

import static ai.seed.inference.evaluation.EvalItems.answered;
import static ai.seed.inference.evaluation.EvalItems.choice;
import static ai.seed.inference.evaluation.EvalItems.recognition;
import static ai.seed.inference.evaluation.EvalItems.reflected;
import static ai.seed.inference.evaluation.EvalItems.textOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    /* Run "SLC top-1": rec yes 1/2 (strict; lenient 2/2 - "I think yes"), no 2/2 -> weighted 0.75 / 1.0;
     * MC 1/1; text-only 0/1 strict ("It is a dog" extracts nothing) but 1/1 lenient (contains "a").
     * One flip, right. */
    static final EvalScores SLC = EvalScoring.score(List.of(
            reflected(recognition("r1", "bo", true), "Yes", true, true),
            answered(recognition("r2", "bo", true), "I think yes"),
            reflected(recognition("r3", "bo", false), "No", true, false),
            answered(recognition("r4", "bo", false), "No"),
            answered(choice("c1", "bo", "B"), "B"),
            answered(textOnly("t1", "bo", "A"), "It is a dog")));
    /* Run "small only": only two recognition items, both wrong. */
    static final EvalScores SMALL = EvalScoring.score(List.of(
            answered(recognition("r1", "bo", true), "No"),
            answered(recognition("r3", "bo", false), "Yes")));

    @Test
    void oneRowPerRunInThePapersColumns() {
        ComparisonTable table = ComparisonTable.of(List.of(new LabelledScores("SLC top-1", SLC),
                new LabelledScores("small only", SMALL)));
        List<String> header = table.header();
        assertThat(header.subList(0, 14)).containsExactly("Run", "Items", "Failed",
                "Rec. yes recall (strict)", "Rec. no recall (strict)", "Rec. weighted (strict)",
                "Rec. weighted 95% CI (strict)", "Rec. single weighted (strict)", "Rec. multi weighted (strict)",
                "VQA (MC) acc. (strict)", "VQA (MC) 95% CI (strict)", "SQA acc. (strict)", "Text-only acc. (strict)",
                "Text-only 95% CI (strict)");
        assertThat(header).contains("Rec. weighted (lenient, reference code)", "Text-only acc. (lenient, reference code)",
                "Reflection flips", "Right flips");

        List<String> slc = table.rows().get(0);
        assertThat(slc).hasSameSizeAs(header);
        assertThat(cell(table, slc, "Run")).isEqualTo("SLC top-1");
        assertThat(cell(table, slc, "Items")).isEqualTo("6");
        assertThat(cell(table, slc, "Rec. yes recall (strict)")).isEqualTo("0.500");
        assertThat(cell(table, slc, "Rec. weighted (strict)")).isEqualTo("0.750");      // 0.5 x (0.5 + 1)
        // yes 1/2, no 2/2, Agresti-Caffo: centre 0.5 x (2/4 + 3/4), half-width 1.96 x 0.5 x sqrt(1/16 + 3/64)
        assertThat(cell(table, slc, "Rec. weighted 95% CI (strict)")).isEqualTo("0.301-0.949");
        assertThat(cell(table, slc, "Rec. weighted (lenient, reference code)")).isEqualTo("1.000");
        assertThat(cell(table, slc, "Rec. multi weighted (strict)")).isEqualTo("n/a");
        assertThat(cell(table, slc, "VQA (MC) acc. (strict)")).isEqualTo("1.000");
        assertThat(cell(table, slc, "SQA acc. (strict)")).isEqualTo("n/a");
        assertThat(cell(table, slc, "Text-only acc. (strict)")).isEqualTo("0.000");
        assertThat(cell(table, slc, "Text-only acc. (lenient, reference code)")).isEqualTo("1.000");
        assertThat(cell(table, slc, "Reflection flips")).isEqualTo("1");
        assertThat(cell(table, slc, "Right flips")).isEqualTo("1");

        List<String> small = table.rows().get(1);
        assertThat(cell(table, small, "Rec. weighted (strict)")).isEqualTo("0.000");
        assertThat(cell(table, small, "VQA (MC) acc. (strict)")).isEqualTo("n/a");
    }

    @Test
    void aRunNeedsALabel() {
        assertThatThrownBy(() -> new LabelledScores(" ", SLC)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String cell(ComparisonTable table, List<String> row, String column) {
        return row.get(table.header().indexOf(column));
    }
}
