package ai.seed.inference.evaluation.runs;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Per-item results as CSV (RFC 4180: comma separated, CRLF, fields quoted when needed). A field
 * that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote.
 */
public final class ResultsCsv {

    static final String HEADER = "item_key,task,concepts,correct,answer,strict_answer,strict_correct,lenient_correct,"
            + "failed,detected,after_reflection,turn_id";

    private ResultsCsv() {
    }

    public static String of(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (ResultRow r : rows) {
            out.append(String.join(",", field(r.itemKey()), field(r.task()), field(String.join(" ", r.concepts())),
                    field(r.correct()), field(r.answer()), field(r.strictAnswer()), String.valueOf(r.strictCorrect()),
                    String.valueOf(r.lenientCorrect()), String.valueOf(r.failed()), bool(r.detected()),
                    bool(r.afterReflection()), r.turnId() == null ? "" : r.turnId().toString())).append("\r\n");
        }
        return out.toString();
    }

    private static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return v.chars().mapToObj(c -> c == '"' ? "\"\"" : String.valueOf((char) c))
                    .collect(Collectors.joining("", "\"", "\""));
        }
        return v;
    }
}
