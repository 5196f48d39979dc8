package ai.seed.inference.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptDetection;
import ai.seed.inference.pipeline.DetectionReportParser;
import ai.seed.inference.pipeline.ParsedDetection;
import ai.seed.inference.pipeline.Prompts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The ShareGPT / LLaMA-Factory training manifest of one meta-concept. */
class TrainingManifestExporterTest {

    private static final String BO = "dataset:bo";
    private static final String MAM = "3f1c8a9e-2b4d-4c61-9a53-0d7e5b2f8c10";
    private static final String SHIBA = "dataset:shiba-sleep";
    private static final String TRICKY_PATH = "/data/yollava/train/bo/0 \"quoted\" \\ back\u00e9\u6f22.png";

    private static final Map<String, List<String>> IMAGES = new LinkedHashMap<>();

    static {
        IMAGES.put(BO, List.of(TRICKY_PATH, "/data/yollava/train/bo/1.png"));
        IMAGES.put(MAM, List.of("s3://seed/concepts/mam/a.jpg"));
        IMAGES.put(SHIBA, List.of("train/shiba-sleep/0.png", "train/shiba-sleep/1.png", "train/shiba-sleep/2.png"));
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            BO, "<bo> is a \"golden\" retriever\nshown in an <image> frame.",
            SHIBA, "<shiba-sleep> is a shiba inu sleeping peacefully.");

    private static ClusterInput input(String key, String label, float... v) {
        return new ClusterInput(key, label, Embedding.normalized("clip", v));
    }

    private static ClusterResult cluster(ClusterInput... members) {
        List<ClusterInput> list = List.of(members);
        Embedding centroid = Embedding.mean(list.stream().map(ClusterInput::embedding).toList());
        return new ClusterResult(4, centroid, list.get(0), list);
    }

    private static final ClusterResult THREE = cluster(input(BO, "bo", 1, 0, 0), input(MAM, "<mam>", 0.9f, 0.1f, 0),
            input(SHIBA, "shiba-sleep", 0.8f, 0, 0.2f));

    private static JsonArray parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static String image(JsonObject sample) {
        assertThat(sample.getJsonArray("images")).hasSize(1);
        return sample.getJsonArray("images").getString(0);
    }

    private static JsonObject last(JsonObject sample, String role) {
        JsonArray messages = sample.getJsonArray("messages");
        return messages.stream().map(JsonValue::asJsonObject).filter(m -> m.getString("role").equals(role))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static String answer(JsonObject sample) {
        return last(sample, "assistant").getString("content");
    }

    private static List<JsonObject> samples(JsonArray all, Predicate<JsonObject> filter) {
        List<JsonObject> out = new ArrayList<>();
        all.stream().map(JsonValue::asJsonObject).filter(filter).forEach(out::add);
        return out;
    }

    private static boolean isDetection(JsonObject sample) {
        return sample.getJsonArray("messages").getJsonObject(0).getString("role").equals("system");
    }

    @Test
    void everySampleIsOneUserTurnWithOneImageAndAnAnswer() {
        JsonArray samples = parse(new TrainingManifestExporter().export(THREE, DESCRIPTIONS, IMAGES));

        // 6 images: per image a positive recognition + detection, and one negative of each
        assertThat(samples).hasSize(24);
        for (JsonValue value : samples) {
            JsonObject sample = value.asJsonObject();
            String user = last(sample, "user").getString("content");
            assertThat(user).startsWith("<image>");
            assertThat(user.split("<image>", -1)).as("one <image> placeholder per image").hasSize(2);
            assertThat(image(sample)).isNotBlank();
            assertThat(sample.getJsonArray("messages").getJsonObject(sample.getJsonArray("messages").size() - 1)
                    .getString("role")).isEqualTo("assistant");
        }
    }

    @Test
    void positivesUseTheConceptsOwnImagesAndNegativesThoseOfOtherMembers() {
        JsonArray samples = parse(new TrainingManifestExporter().export(THREE, DESCRIPTIONS, IMAGES));
        Map<String, String> ids = Map.of(BO, "<bo>", MAM, "<mam>", SHIBA, "<shiba-sleep>");

        for (String key : IMAGES.keySet()) {
            String id = ids.get(key);
            List<JsonObject> yes = samples(samples, s -> answer(s).equals("Yes, " + id + " is in this image."));
            List<JsonObject> no = samples(samples, s -> answer(s).equals("No, " + id + " is not in this image."));
            assertThat(yes).extracting(TrainingManifestExporterTest::image).containsExactlyElementsOf(IMAGES.get(key));
            assertThat(no).hasSize(IMAGES.get(key).size());
            assertThat(no).extracting(TrainingManifestExporterTest::image)
                    .doesNotContainAnyElementsOf(IMAGES.get(key))
                    .allMatch(path -> IMAGES.values().stream().anyMatch(paths -> paths.contains(path)));
            assertThat(yes).allMatch(s -> last(s, "user").getString("content").equals("<image>Is " + id + " in this image?"));
        }
        assertThat(samples(samples, s -> !isDetection(s))).hasSize(12);
    }

    @Test
    void detectionSamplesCarryTheTable6PromptsAndAReportThePipelineParses() throws Exception {
        JsonArray samples = parse(new TrainingManifestExporter().export(THREE, DESCRIPTIONS, IMAGES));
        List<JsonObject> detections = samples(samples, TrainingManifestExporterTest::isDetection);
        ConceptCue bo = new ConceptCue("<bo>", "<bo> is a \"golden\" retriever shown in an [image] frame.");

        assertThat(detections).hasSize(12);
        JsonObject first = detections.get(0);
        assertThat(first.getJsonArray("messages").getJsonObject(0).getString("content")).isEqualTo(Prompts.detectionSystem());
        assertThat(last(first, "user").getString("content")).isEqualTo("<image>" + Prompts.detectionUser(List.of(bo)));
        assertThat(image(first)).isEqualTo(TRICKY_PATH);

        JsonObject report = Json.createReader(new StringReader(answer(first))).readObject();
        assertThat(report).containsOnlyKeys("<bo>");
        assertThat(report.getJsonObject("<bo>")).isEqualTo(Json.createObjectBuilder().add("present", true)
                .add("location-absolute", "").add("location-relative", "").build());
        ParsedDetection parsed = DetectionReportParser.parse(answer(first), List.of(bo));
        assertThat(parsed.report().get("<bo>")).isEqualTo(ConceptDetection.present("", ""));
        assertThat(parsed.warnings()).isEmpty();

        JsonObject negative = detections.get(1);
        assertThat(image(negative)).isNotIn(IMAGES.get(BO));
        assertThat(Json.createReader(new StringReader(answer(negative))).readObject())
                .isEqualTo(Json.createObjectBuilder().add("<bo>", Json.createObjectBuilder().add("present", false)).build());
        assertThat(DetectionReportParser.parse(answer(negative), List.of(bo)).report().get("<bo>").present()).isFalse();
    }

    @Test
    void samplesComeInMemberThenImageOrder() {
        JsonArray samples = parse(new TrainingManifestExporter().export(THREE, DESCRIPTIONS, IMAGES));

        assertThat(samples.subList(0, 4)).map(v -> answer(v.asJsonObject())).containsExactly(
                "Yes, <bo> is in this image.",
                "{\"<bo>\":{\"present\":true,\"location-absolute\":\"\",\"location-relative\":\"\"}}",
                "No, <bo> is not in this image.",
                "{\"<bo>\":{\"present\":false}}");
        assertThat(samples.subList(0, 4)).map(v -> image(v.asJsonObject()))
                .containsExactly(TRICKY_PATH, TRICKY_PATH, "s3://seed/concepts/mam/a.jpg", "s3://seed/concepts/mam/a.jpg");
        assertThat(image(samples.getJsonObject(4))).isEqualTo("/data/yollava/train/bo/1.png");
        assertThat(answer(samples.getJsonObject(8))).isEqualTo("Yes, <mam> is in this image.");
    }

    @Test
    void pathsAndTextsSurviveEscaping() {
        String json = new TrainingManifestExporter().export(THREE, DESCRIPTIONS, IMAGES);

        assertThat(json).contains("0 \\\"quoted\\\" \\\\ back");
        JsonArray samples = parse(json);
        assertThat(samples).map(v -> image(v.asJsonObject())).contains(TRICKY_PATH)
                .containsAll(IMAGES.get(MAM)).containsAll(IMAGES.get(SHIBA));
        String detectionUser = last(samples(samples, TrainingManifestExporterTest::isDetection).get(0), "user")
                .getString("content");
        assertThat(detectionUser).contains("<bo>: <bo> is a \"golden\" retriever shown in an [image] frame.");
    }

    @Test
    void isDeterministic() {
        TrainingManifestExporter exporter = new TrainingManifestExporter();

        assertThat(exporter.export(THREE, DESCRIPTIONS, IMAGES)).isEqualTo(exporter.export(THREE, DESCRIPTIONS, IMAGES));
    }

    @Test
    void negativesPerPositiveIsConfigurableAndCappedByThePool() {
        assertThat(parse(new TrainingManifestExporter(2).export(THREE, DESCRIPTIONS, IMAGES)))
                .hasSize(6 * 2 + 6 * 2 * 2);
        assertThat(parse(new TrainingManifestExporter(0).export(THREE, DESCRIPTIONS, IMAGES))).hasSize(12);
        // <mam>'s pool is 5 images, <bo>'s 4, <shiba-sleep>'s 3
        assertThat(parse(new TrainingManifestExporter(10).export(THREE, DESCRIPTIONS, IMAGES)))
                .hasSize(6 * 2 + (2 * 4 + 1 * 5 + 3 * 3) * 2);
    }

    @Test
    void aOneMemberClusterHasNoNegatives() {
        ClusterResult alone = cluster(input(SHIBA, "shiba-sleep", 1, 0, 0));

        JsonArray samples = parse(new TrainingManifestExporter().export(alone, Map.of(), Map.of(SHIBA, IMAGES.get(SHIBA))));

        assertThat(samples).hasSize(6).allMatch(s -> !answer(s.asJsonObject()).startsWith("No")
                && !answer(s.asJsonObject()).contains("false"));
        assertThat(last(samples.getJsonObject(1), "user").getString("content"))
                .isEqualTo("<image>Concept List\n\n<shiba-sleep>: <shiba-sleep>");
    }

    @Test
    void rejectsIncompleteOrAmbiguousMembers() {
        TrainingManifestExporter exporter = new TrainingManifestExporter();
        Map<String, List<String>> withoutMam = new LinkedHashMap<>(IMAGES);
        withoutMam.remove(MAM);

        assertThatThrownBy(() -> exporter.export(THREE, DESCRIPTIONS, withoutMam))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("member " + MAM + " has no image paths");
        assertThatThrownBy(() -> exporter.export(cluster(input("k", "My Dog", 1, 0)), Map.of(), Map.of("k", List.of("a.png"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 'My Dog' is not a concept name");
        assertThatThrownBy(() -> exporter.export(cluster(input("k1", "<bo>", 1, 0), input("k2", "bo", 0, 1)), Map.of(),
                Map.of("k1", List.of("a.png"), "k2", List.of("b.png"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1 and k2 share the concept id <bo>");
        assertThatThrownBy(() -> exporter.export(cluster(input("k", "<image>", 1, 0)), Map.of(), Map.of("k", List.of("a.png"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image placeholder");
    }

    @Test
    void datasetInfoRegistersTheManifestForLlamaFactory() {
        JsonObject info = Json.createReader(new StringReader(DatasetInfo.json(THREE.index()))).readObject();

        assertThat(info).containsOnlyKeys("seed_meta_4");
        JsonObject entry = info.getJsonObject("seed_meta_4");
        assertThat(entry.getString("file_name")).isEqualTo("seed_meta_4.json");
        assertThat(entry.getString("formatting")).isEqualTo("sharegpt");
        assertThat(entry.getJsonObject("columns")).isEqualTo(Json.createObjectBuilder()
                .add("messages", "messages").add("images", "images").build());
        assertThat(entry.getJsonObject("tags")).isEqualTo(Json.createObjectBuilder().add("role_tag", "role")
                .add("content_tag", "content").add("user_tag", "user").add("assistant_tag", "assistant")
                .add("system_tag", "system").build());
        assertThat(DatasetInfo.json(0, "dir/meta \"0\".json")).contains("\"file_name\":\"dir/meta \\\"0\\\".json\"");
    }
}
