package ai.seed.inference.evaluation.report;

import ai.seed.inference.evaluation.ItemOutcome;
import ai.seed.inference.evaluation.scoring.ChoiceScores;
import ai.seed.inference.evaluation.scoring.ConceptScores;
import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import ai.seed.inference.evaluation.scoring.ItemJudgement;
import ai.seed.inference.evaluation.scoring.Interval;
import ai.seed.inference.evaluation.scoring.Rate;
import ai.seed.inference.evaluation.scoring.RecognitionScore;
import ai.seed.inference.evaluation.scoring.RecognitionScores;
import ai.seed.inference.evaluation.scoring.ReflectionScores;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * JSON exports with JSON-P (WildFly provides the implementation; unit tests use Parsson). A rate
 * is {@code {"correct": 3, "total": 4, "value": 0.75}}, with {@code "value": null} over no items;
 * a weighted score is a number or null. Keys follow the record components.
 */
public final class EvalJson {

    private EvalJson() {
    }

    public static JsonObject scores(EvalScores s) {
        JsonArrayBuilder concepts = Json.createArrayBuilder();
        for (ConceptScores c : s.perConcept()) {
            concepts.add(Json.createObjectBuilder().add("concept", c.concept())
                    .add("recognition", recognition(c.recognition()))
                    .add("multipleChoice", choice(c.multipleChoice()))
                    .add("textOnly", choice(c.textOnly()))
                    .add("sqa", choice(c.sqa())));
        }
        return Json.createObjectBuilder()
                .add("items", s.items()).add("failed", s.failed())
                .add("recognition", recognition(s.recognition()))
                .add("recognitionSingle", recognition(s.recognitionSingle()))
                .add("recognitionMulti", recognition(s.recognitionMulti()))
                .add("multipleChoice", choice(s.multipleChoice()))
                .add("textOnly", choice(s.textOnly()))
                .add("sqa", choice(s.sqa()))
                .add("perConcept", concepts)
                .add("reflection", reflection(s.reflection()))
                .build();
    }

    public static JsonObject comparison(ComparisonTable table) {
        JsonArrayBuilder runs = Json.createArrayBuilder();
        table.runs().forEach(r -> runs.add(Json.createObjectBuilder().add("label", r.label()).add("scores", scores(r.scores()))));
        JsonArrayBuilder rows = Json.createArrayBuilder();
        table.rows().forEach(r -> rows.add(Json.createArrayBuilder(r)));
        return Json.createObjectBuilder()
                .add("header", Json.createArrayBuilder(table.header()))
                .add("rows", rows)
                .add("runs", runs)
                .build();
    }

    public static JsonArray items(List<ItemOutcome> outcomes) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (ItemOutcome o : outcomes) {
            ItemJudgement j = EvalScoring.judge(o);
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("key", o.item().key()).add("task", o.item().task().name())
                    .add("concepts", Json.createArrayBuilder(o.item().concepts()))
                    .add("correct", o.item().correct())
                    .add("failed", o.failed())
                    .add("strictCorrect", j.strictCorrect()).add("lenientCorrect", j.lenientCorrect());
            addNullable(b, "answer", o.answer());
            addNullable(b, "strictAnswer", j.strictAnswer());
            addNullable(b, "detected", o.detected());
            addNullable(b, "afterReflection", o.afterReflection());
            addNullable(b, "turnId", o.turnId() == null ? null : o.turnId().toString());
            items.add(b);
        }
        return items.build();
    }

    public static String write(JsonStructure json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.write(json);
        }
        return out.toString();
    }

    static JsonObject rate(Rate r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("correct", r.correct()).add("total", r.total());
        addNullable(b, "value", r.value());
        interval(b, "ci95", r.interval95());
        return b.build();
    }

    /** A 95% confidence interval as {@code [low, high]}; absent when there is none. */
    private static void interval(JsonObjectBuilder b, String name, Interval ci) {
        if (ci != null) {
            b.add(name, Json.createArrayBuilder().add(ci.low()).add(ci.high()));
        }
    }

    private static JsonObject recognition(RecognitionScores r) {
        return Json.createObjectBuilder().add("items", r.items()).add("failed", r.failed())
                .add("unparsedStrict", r.unparsedStrict())
                .add("strict", score(r.strict())).add("lenient", score(r.lenient())).build();
    }

    private static JsonObject score(RecognitionScore s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("yesRecall", rate(s.yesRecall())).add("noRecall", rate(s.noRecall()));
        addNullable(b, "weighted", s.weighted());
        interval(b, "weightedCi95", s.weightedInterval95());
        return b.build();
    }

    private static JsonObject choice(ChoiceScores c) {
        return Json.createObjectBuilder().add("items", c.items()).add("failed", c.failed())
                .add("unparsedStrict", c.unparsedStrict())
                .add("strict", rate(c.strict())).add("lenient", rate(c.lenient())).build();
    }

    private static JsonObject reflection(ReflectionScores r) {
        return Json.createObjectBuilder().add("judged", r.judged()).add("flips", r.flips())
                .add("rightFlips", r.rightFlips()).add("wrongFlips", r.wrongFlips())
                .add("detectorBefore", rate(r.detectorBefore())).add("detectorAfter", rate(r.detectorAfter())).build();
    }

    private static void addNullable(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.addNull(name);
        } else if (value instanceof Double d) {
            b.add(name, d);
        } else if (value instanceof Boolean bool) {
            b.add(name, bool);
        } else {
            b.add(name, value.toString());
        }
    }
}
