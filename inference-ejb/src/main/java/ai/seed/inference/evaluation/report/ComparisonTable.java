package ai.seed.inference.evaluation.report;

import ai.seed.inference.evaluation.scoring.ChoiceScores;
import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.Interval;
import ai.seed.inference.evaluation.scoring.Rate;
import ai.seed.inference.evaluation.scoring.RecognitionScore;
import ai.seed.inference.evaluation.scoring.RecognitionScores;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs side by side, one row per run, in the shape of the paper's Tables 1 and 5: recognition
 * yes-recall, no-recall and weighted score (overall, then single- and multi-concept as MC-LLaVA
 * reports them), multiple-choice (VQA), SQA and text-only accuracy. The strict columns come
 * first; the same columns under the reference code's lenient rule follow, each header labelled
 * {@code (lenient, reference code)}. Cells show three decimals or "n/a".
 */
public final class ComparisonTable {

    static final String STRICT = " (strict)";
    static final String LENIENT = " (lenient, reference code)";

    private record Column(String header, Function<EvalScores, String> cell) {
    }

    private static final List<Column> COLUMNS = columns();

    private final List<LabelledScores> runs;

    private ComparisonTable(List<LabelledScores> runs) {
        this.runs = List.copyOf(runs);
    }

    public static ComparisonTable of(List<LabelledScores> runs) {
        return new ComparisonTable(runs);
    }

    public List<LabelledScores> runs() {
        return runs;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("Run");
        COLUMNS.forEach(c -> header.add(c.header()));
        return header;
    }

    /** One row per run, in the order given, each as long as {@link #header()}. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (LabelledScores run : runs) {
            List<String> row = new ArrayList<>();
            row.add(run.label());
            COLUMNS.forEach(c -> row.add(c.cell().apply(run.scores())));
            rows.add(row);
        }
        return rows;
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Items", s -> String.valueOf(s.items())));
        columns.add(new Column("Failed", s -> String.valueOf(s.failed())));
        addRuleColumns(columns, STRICT, true);
        addRuleColumns(columns, LENIENT, false);
        columns.add(new Column("Reflection flips", s -> String.valueOf(s.reflection().flips())));
        columns.add(new Column("Right flips", s -> String.valueOf(s.reflection().rightFlips())));
        columns.add(new Column("Detector acc. before reflection", s -> s.reflection().detectorBefore().display()));
        columns.add(new Column("Detector acc. after reflection", s -> s.reflection().detectorAfter().display()));
        return List.copyOf(columns);
    }

    private static void addRuleColumns(List<Column> columns, String suffix, boolean strict) {
        Function<RecognitionScores, RecognitionScore> rule = strict ? RecognitionScores::strict : RecognitionScores::lenient;
        Function<ChoiceScores, Rate> acc = strict ? ChoiceScores::strict : ChoiceScores::lenient;
        columns.add(new Column("Rec. yes recall" + suffix, s -> rule.apply(s.recognition()).yesRecall().display()));
        columns.add(new Column("Rec. no recall" + suffix, s -> rule.apply(s.recognition()).noRecall().display()));
        columns.add(new Column("Rec. weighted" + suffix, s -> rule.apply(s.recognition()).weightedDisplay()));
        columns.add(new Column("Rec. weighted 95% CI" + suffix,
                s -> Interval.format(rule.apply(s.recognition()).weightedInterval95())));
        columns.add(new Column("Rec. single weighted" + suffix, s -> rule.apply(s.recognitionSingle()).weightedDisplay()));
        columns.add(new Column("Rec. multi weighted" + suffix, s -> rule.apply(s.recognitionMulti()).weightedDisplay()));
        columns.add(new Column("VQA (MC) acc." + suffix, s -> acc.apply(s.multipleChoice()).display()));
        columns.add(new Column("VQA (MC) 95% CI" + suffix, s -> Interval.format(acc.apply(s.multipleChoice()).interval95())));
        columns.add(new Column("SQA acc." + suffix, s -> acc.apply(s.sqa()).display()));
        columns.add(new Column("Text-only acc." + suffix, s -> acc.apply(s.textOnly()).display()));
        columns.add(new Column("Text-only 95% CI" + suffix, s -> Interval.format(acc.apply(s.textOnly()).interval95())));
    }
}
