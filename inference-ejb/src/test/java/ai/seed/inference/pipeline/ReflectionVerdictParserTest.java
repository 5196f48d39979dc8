package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReflectionVerdictParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"yes no yes", "Yes No YES", "yes, no, yes.", "Q1. yes\nQ2. no\nQ3. yes",
            "q1. yes\\nq2. no\\nq3. yes", "Q1: Yes.\nQ2: No!\nQ3: Yes", "  yes\n\nno\n yes  ", "1. yes 2. no 3. yes",
            "Q2: no Q1: yes Q3: yes", "(yes) (no) (yes)"})
    void readsAnswersInManyStyles(String raw) throws Exception {
        assertThat(ReflectionVerdictParser.parse(raw, 3)).containsExactly(true, false, true);
    }

    @Test
    void readsThePapersFig7Output() throws Exception {
        assertThat(ReflectionVerdictParser.parse("q1. yes\\nq2. yes", 2)).containsExactly(true, true);
        assertThat(ReflectionVerdictParser.parse("q1. no\nq2. no", 2)).containsExactly(false, false);
    }

    @Test
    void ignoresWordsThatMerelyContainYesOrNo() throws Exception {
        assertThat(ReflectionVerdictParser.parse("eyes: yes; nose: no", 2)).containsExactly(true, false);
    }

    @Test
    void inconsistentLabelsFallBackToPosition() throws Exception {
        assertThat(ReflectionVerdictParser.parse("Q1: no Q1: yes", 2)).containsExactly(false, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yes no|3", "yes no yes yes|3", "I cannot tell.|1", "''|1",
            "Q1. Do you see it? (yes or no) yes|1"})
    void rejectsTheWrongNumberOfAnswers(String raw, int expected) {
        assertThatThrownBy(() -> ReflectionVerdictParser.parse(raw, expected))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessageContaining("expected " + expected);
    }

    @Test
    void zeroQuestionsNeedZeroAnswers() throws Exception {
        assertThat(ReflectionVerdictParser.parse("", 0)).isEqualTo(List.of());
        assertThat(ReflectionVerdictParser.parse(null, 0)).isEmpty();
    }
}
