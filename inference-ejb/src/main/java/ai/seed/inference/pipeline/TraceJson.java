package ai.seed.inference.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** The JSON documents a turn's trace stores: reports, reflection, phase timings, events. */
final class TraceJson {

    private TraceJson() {
    }

    static String report(DetectionReport report) {
        if (report == null) {
            return null;
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        report.detections().forEach((id, d) -> out.add(id, Json.createObjectBuilder()
                .add("present", d.present())
                .add("location-absolute", d.locationAbsolute())
                .add("location-relative", d.locationRelative())
                .add("verification", d.verification().name())));
        return out.build().toString();
    }

    static String reflection(List<ReflectionQuestion> questions, List<Boolean> verdicts, List<RefinementChange> changes) {
        if (questions.isEmpty() && changes.isEmpty()) {
            return null;
        }
        JsonArrayBuilder qs = Json.createArrayBuilder();
        for (int i = 0; i < questions.size(); i++) {
            ReflectionQuestion q = questions.get(i);
            JsonObjectBuilder item = Json.createObjectBuilder().add("concept", q.conceptId())
                    .add("kind", q.kind().name()).add("question", q.text());
            if (i < verdicts.size()) {
                item.add("verdict", verdicts.get(i) ? "yes" : "no");
            } else {
                item.addNull("verdict");
            }
            qs.add(item);
        }
        JsonArrayBuilder cs = Json.createArrayBuilder();
        for (RefinementChange c : changes) {
            cs.add(Json.createObjectBuilder().add("concept", c.conceptId()).add("field", c.field())
                    .add("before", String.valueOf(c.before())).add("after", String.valueOf(c.after()))
                    .add("reason", String.valueOf(c.reason())));
        }
        return Json.createObjectBuilder().add("questions", qs).add("changes", cs).build().toString();
    }

    static String phases(Map<?, Long> millis) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        millis.forEach((phase, ms) -> out.add(String.valueOf(phase), ms));
        return out.build().toString();
    }

    static String events(List<String> events) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        events.forEach(out::add);
        return out.build().toString();
    }
}
