package ai.seed.inference.evaluation.report;

import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.ItemOutcome;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import ai.seed.inference.evaluation.scoring.ItemJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CSV exports (RFC 4180: comma separated, CRLF line ends, a field holding a comma, quote, CR or
 * LF is quoted and its quotes doubled) of a comparison table and of per-item results.
 *
 * <p>Cells are neutralised against spreadsheet formula injection: a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, because model answers
 * and dataset questions are untrusted text that a spreadsheet would otherwise evaluate.
 */
public final class EvalCsv {

    static final String CRLF = "\r\n";
    static final List<String> ITEM_HEADER = List.of("key", "task", "concepts", "tags", "question", "options", "correct",
            "answer", "failed", "strict_answer", "strict_correct", "lenient_correct", "detected", "after_reflection",
            "turn_id");

    private EvalCsv() {
    }

    public static String comparison(ComparisonTable table) {
        StringBuilder out = new StringBuilder();
        out.append(row(table.header()));
        table.rows().forEach(r -> out.append(row(r)));
        return out.toString();
    }

    /** One line per outcome, judged under both rules. */
    public static String items(List<ItemOutcome> outcomes) {
        StringBuilder out = new StringBuilder(row(ITEM_HEADER));
        for (ItemOutcome outcome : outcomes) {
            ItemJudgement j = EvalScoring.judge(outcome);
            EvalItem item = outcome.item();
            List<String> cells = new ArrayList<>();
            cells.add(item.key());
            cells.add(item.task().name());
            cells.add(String.join(" ", item.concepts()));
            cells.add(item.tags().stream().sorted().collect(Collectors.joining(" ")));
            cells.add(item.question());
            cells.add(options(item.options()));
            cells.add(item.correct());
            cells.add(outcome.answer());
            cells.add(String.valueOf(outcome.failed()));
            cells.add(j.strictAnswer());
            cells.add(String.valueOf(j.strictCorrect()));
            cells.add(String.valueOf(j.lenientCorrect()));
            cells.add(outcome.detected() == null ? null : outcome.detected().toString());
            cells.add(outcome.afterReflection() == null ? null : outcome.afterReflection().toString());
            cells.add(outcome.turnId() == null ? null : outcome.turnId().toString());
            out.append(row(cells));
        }
        return out.toString();
    }

    static String options(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    static String row(List<String> cells) {
        return cells.stream().map(EvalCsv::cell).collect(Collectors.joining(",")) + CRLF;
    }

    /** One field: null is empty, formula starts are neutralised, then RFC 4180 quoting. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
