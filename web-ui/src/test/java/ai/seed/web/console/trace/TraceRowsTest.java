package ai.seed.web.console.trace;

import static ai.seed.web.console.ConsoleFixtures.DETECTED;
import static ai.seed.web.console.ConsoleFixtures.REFINED;
import static ai.seed.web.console.ConsoleFixtures.REFLECTION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceRowsTest {

    @Test
    void readsStoredReportsInOrder() {
        assertThat(TraceRows.report(DETECTED)).containsExactly(
                new TraceRows.ReportRow("<bo>", true, "top-left quadrant", "on the shelf", "NOT_CHECKED"),
                new TraceRows.ReportRow("<mug>", true, "center", "", "NOT_CHECKED"));
        assertThat(TraceRows.report(REFINED).get(0).present()).isFalse();
    }

    @Test
    void readsQuestionsVerdictsAndChanges() {
        assertThat(TraceRows.questions(REFLECTION)).extracting(TraceRows.QuestionRow::verdict).containsExactly("no", null);
        assertThat(TraceRows.changes(REFLECTION)).singleElement()
                .extracting(TraceRows.ChangeRow::summary).isEqualTo("<bo> present true -> false");
    }

    @Test
    void anEmptyValueReadsAsNone() {
        assertThat(new TraceRows.ChangeRow("<bo>", "location-relative", "on the shelf", "", "Q2 no").summary())
                .isEqualTo("<bo> location-relative on the shelf -> (none)");
    }

    @Test
    void missingOrDamagedDocumentsReadAsEmpty() {
        assertThat(TraceRows.report((String) null)).isEmpty();
        assertThat(TraceRows.report("{not json")).isEmpty();
        assertThat(TraceRows.questions("[1, 2]")).isEmpty();
        assertThat(TraceRows.phases("{\"DETECT\": 12, \"note\": \"x\"}")).containsExactly(java.util.Map.entry("DETECT", 12L));
    }
}
