package ai.seed.web.console.trace;

import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.RefinementChange;
import ai.seed.inference.pipeline.ReflectionQuestion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows the console shows for a turn's reports and reflection, read either from a fresh
 * {@link ai.seed.inference.pipeline.TurnResult} (chat) or from the JSON documents stored with the
 * turn (turn inspector), so both screens show the same thing the same way.
 */
public final class TraceRows {

    private TraceRows() {
    }

    /** One concept of a detection report. */
    public record ReportRow(String concept, boolean present, String locationAbsolute, String locationRelative,
                            String verification) {
    }

    /** One reflection question and the large model's verdict (null: not answered). */
    public record QuestionRow(String concept, String kind, String question, String verdict) {
    }

    /** One field reflection changed, e.g. {@code <bo> present true -> false}. */
    public record ChangeRow(String concept, String field, String before, String after, String reason) {
        public String summary() {
            return concept + " " + field + " " + show(before) + " -> " + show(after);
        }

        private static String show(String v) {
            return v == null || v.isEmpty() ? "(none)" : v;
        }
    }

    public static List<ReportRow> report(DetectionReport report) {
        if (report == null) {
            return List.of();
        }
        List<ReportRow> rows = new ArrayList<>();
        report.detections().forEach((id, d) -> rows.add(new ReportRow(id, d.present(), d.locationAbsolute(),
                d.locationRelative(), d.verification().name())));
        return rows;
    }

    public static List<QuestionRow> questions(List<ReflectionQuestion> questions, List<Boolean> verdicts) {
        List<QuestionRow> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            ReflectionQuestion q = questions.get(i);
            String verdict = i < verdicts.size() && verdicts.get(i) != null ? (verdicts.get(i) ? "yes" : "no") : null;
            rows.add(new QuestionRow(q.conceptId(), q.kind().name(), q.text(), verdict));
        }
        return rows;
    }

    public static List<ChangeRow> changes(List<RefinementChange> changes) {
        return changes.stream().map(c -> new ChangeRow(c.conceptId(), c.field(), c.before(), c.after(), c.reason()))
                .toList();
    }

    /** A stored report document: {@code {"<bo>": {"present": true, "location-absolute": ...}}}. */
    public static List<ReportRow> report(String json) {
        JsonObject doc = object(json);
        List<ReportRow> rows = new ArrayList<>();
        for (var e : doc.entrySet()) {
            if (e.getValue() instanceof JsonObject d) {
                rows.add(new ReportRow(e.getKey(), d.getBoolean("present", false), d.getString("location-absolute", ""),
                        d.getString("location-relative", ""), d.getString("verification", "")));
            }
        }
        return rows;
    }

    /** The questions of a stored reflection document. */
    public static List<QuestionRow> questions(String reflectionJson) {
        List<QuestionRow> rows = new ArrayList<>();
        JsonObject doc = object(reflectionJson);
        if (doc.get("questions") instanceof jakarta.json.JsonArray qs) {
            for (JsonObject q : qs.getValuesAs(JsonObject.class)) {
                rows.add(new QuestionRow(q.getString("concept", ""), q.getString("kind", ""), q.getString("question", ""),
                        q.get("verdict") == null || q.get("verdict") == JsonValue.NULL ? null : q.getString("verdict")));
            }
        }
        return rows;
    }

    /** The changes of a stored reflection document. */
    public static List<ChangeRow> changes(String reflectionJson) {
        List<ChangeRow> rows = new ArrayList<>();
        JsonObject doc = object(reflectionJson);
        if (doc.get("changes") instanceof jakarta.json.JsonArray cs) {
            for (JsonObject c : cs.getValuesAs(JsonObject.class)) {
                rows.add(new ChangeRow(c.getString("concept", ""), c.getString("field", ""), c.getString("before", ""),
                        c.getString("after", ""), c.getString("reason", "")));
            }
        }
        return rows;
    }

    /** Phase timings {@code {"DETECT": 12, ...}} in stored order. */
    public static Map<String, Long> phases(String json) {
        Map<String, Long> out = new LinkedHashMap<>();
        object(json).forEach((k, v) -> {
            if (v instanceof jakarta.json.JsonNumber n) {
                out.put(k, n.longValue());
            }
        });
        return out;
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT; // a damaged document shows as empty, never as an error page
        }
    }
}
