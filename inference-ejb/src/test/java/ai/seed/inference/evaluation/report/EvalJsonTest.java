package ai.seed.inference.evaluation.report;

import static ai.seed.inference.evaluation.EvalItems.answered;
import static ai.seed.inference.evaluation.EvalItems.choice;
import static ai.seed.inference.evaluation.EvalItems.failed;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalJsonTest {

    @Test
    void scoresCarryCountsAndNullForNotAvailable() {
        JsonObject json = parse(EvalJson.write(EvalJson.scores(ComparisonTableTest.SLC)));
        assertThat(json.getInt("items")).isEqualTo(6);
        JsonObject yes = json.getJsonObject("recognition").getJsonObject("strict").getJsonObject("yesRecall");
        assertThat(yes.getInt("correct")).isEqualTo(1);
        assertThat(yes.getInt("total")).isEqualTo(2);
        assertThat(yes.getJsonNumber("value").doubleValue()).isEqualTo(0.5);
        assertThat(json.getJsonObject("recognition").getJsonObject("strict").getJsonNumber("weighted").doubleValue())
                .isEqualTo(0.75);
        assertThat(json.getJsonObject("recognitionMulti").getJsonObject("strict").get("weighted")).isEqualTo(JsonValue.NULL);
        assertThat(json.getJsonObject("sqa").getJsonObject("strict").get("value")).isEqualTo(JsonValue.NULL);
        assertThat(json.getJsonObject("reflection").getInt("rightFlips")).isEqualTo(1);
        assertThat(json.getJsonArray("perConcept").getJsonObject(0).getString("concept")).isEqualTo("bo");
    }

    @Test
    void comparisonHasTheTableAndTheFullScores() {
        ComparisonTable table = ComparisonTable.of(List.of(new LabelledScores("a", ComparisonTableTest.SLC),
                new LabelledScores("b", ComparisonTableTest.SMALL)));
        JsonObject json = parse(EvalJson.write(EvalJson.comparison(table)));
        assertThat(json.getJsonArray("header").getString(0)).isEqualTo("Run");
        assertThat(json.getJsonArray("rows")).hasSize(2);
        assertThat(json.getJsonArray("rows").getJsonArray(1).getString(0)).isEqualTo("b");
        assertThat(json.getJsonArray("runs").getJsonObject(0).getJsonObject("scores").getInt("items")).isEqualTo(6);
    }

    @Test
    void itemsShowWhatEachRuleRead() {
        JsonArray items = EvalJson.items(List.of(answered(choice("c1", "bo", "B"), "(B)"), failed(choice("c2", "bo", "A"))));
        assertThat(items.getJsonObject(0).getString("strictAnswer")).isEqualTo("B");
        assertThat(items.getJsonObject(0).getBoolean("strictCorrect")).isTrue();
        assertThat(items.getJsonObject(1).get("answer")).isEqualTo(JsonValue.NULL);
        assertThat(items.getJsonObject(1).getBoolean("failed")).isTrue();
        assertThat(items.getJsonObject(1).get("turnId")).isEqualTo(JsonValue.NULL);
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
