package ai.seed.inference.evaluation.report;

import static ai.seed.inference.evaluation.EvalItems.answered;
import static ai.seed.inference.evaluation.EvalItems.choice;
import static ai.seed.inference.evaluation.EvalItems.failed;
import static ai.seed.inference.evaluation.EvalItems.recognition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalCsvTest {

    @Test
    void quotesAsRfc4180Says() {
        assertThat(EvalCsv.cell("plain")).isEqualTo("plain");
        assertThat(EvalCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(EvalCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EvalCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(EvalCsv.cell(null)).isEmpty();
        assertThat(EvalCsv.row(List.of("a", "b,c"))).isEqualTo("a,\"b,c\"\r\n");
    }

    @Test
    void neutralisesFormulaInjection() {
        assertThat(EvalCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(EvalCsv.cell("+1")).isEqualTo("'+1");
        assertThat(EvalCsv.cell("-2+3,4")).isEqualTo("\"'-2+3,4\"");
        assertThat(EvalCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(EvalCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(EvalCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void exportsOneLinePerItemJudgedUnderBothRules() {
        String csv = EvalCsv.items(List.of(
                answered(recognition("r1", "bo", true), "=cmd|' /C calc'!A0"),
                answered(choice("c1", "bo", "B"), "B"),
                failed(choice("c2", "bo", "A"))));
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(5); // header, 3 items, empty after the last CRLF
        assertThat(lines[0]).isEqualTo(String.join(",", EvalCsv.ITEM_HEADER));
        assertThat(lines[1]).startsWith("r1,RECOGNITION,bo,,Can you see <bo> in this photo?,,Yes,'=cmd|' /C calc'!A0,false,,false,false,,,");
        assertThat(lines[2]).startsWith("c1,MULTIPLE_CHOICE,bo,,Is <bo> a dog or a cat?,A=Dog; B=Cat,B,B,false,B,true,true,,,");
        assertThat(lines[3]).isEqualTo("c2,MULTIPLE_CHOICE,bo,,Is <bo> a dog or a cat?,A=Dog; B=Cat,A,,true,,false,false,,,");
    }

    @Test
    void exportsTheComparisonTable() {
        ComparisonTable table = ComparisonTable.of(List.of(new LabelledScores("-top,1", ComparisonTableTest.SLC)));
        String[] lines = EvalCsv.comparison(table).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("Run,Items,Failed,Rec. yes recall (strict),");
        assertThat(lines[1]).startsWith("\"'-top,1\",6,0,0.500,1.000,0.750,");
    }
}
