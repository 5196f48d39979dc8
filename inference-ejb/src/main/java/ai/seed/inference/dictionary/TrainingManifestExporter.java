package ai.seed.inference.dictionary;

import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.Prompts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the personalized instruction-tuning set of one meta-concept (paper §3.3.1: one LoRA
 * adapter per cluster, trained with the recipe of MC-LLaVA/Yo'LLaVA) in the ShareGPT multimodal
 * format that LLaMA-Factory reads: a JSON array of
 * {@code {"messages": [{"role", "content"}...], "images": ["path"]}}, one image per sample,
 * referenced by one {@code <image>} placeholder at the start of the user turn (images come before
 * the text in the pipeline's requests too).
 *
 * <p>For every member concept and every one of its images, in member and image order:
 * <ol>
 *   <li>a positive recognition sample: "Is &lt;bo&gt; in this image?" / "Yes, &lt;bo&gt; is in
 *       this image.";</li>
 *   <li>a positive detection sample with the exact Table 6 prompts the pipeline sends at run time
 *       (training and inference prompts must match, paper §4.3.1) and the report
 *       {@code {"<bo>": {"present": true, "location-absolute": "", "location-relative": ""}}}:
 *       the datasets carry no locations, so both stay empty as Table 6 allows;</li>
 *   <li>for each of {@code negativesPerPositive} images of <em>other</em> members of the same
 *       cluster (hard negatives: similar-looking concepts), a negative recognition sample ("No,
 *       &lt;bo&gt; is not in this image.") and a negative detection sample
 *       ({@code {"<bo>": {"present": false}}}, other keys omitted as Table 6 demands). Negatives
 *       are drawn round-robin from the other members' images, so the set stays balanced between
 *       yes and no (the recognition metric weighs both recalls equally). A one-member cluster has
 *       no negatives.</li>
 * </ol>
 *
 * <p>Inputs are keyed by {@link ClusterInput#conceptKey()}; a member's concept id is its label,
 * with or without brackets ({@code <bo>} or {@code bo}). A missing description falls back to the
 * id. Output is deterministic for the same inputs; JSON-P does the escaping.
 */
public final class TrainingManifestExporter {

    public static final int DEFAULT_NEGATIVES_PER_POSITIVE = 1;

    private final int negativesPerPositive;

    public TrainingManifestExporter() {
        this(DEFAULT_NEGATIVES_PER_POSITIVE);
    }

    public TrainingManifestExporter(int negativesPerPositive) {
        if (negativesPerPositive < 0) {
            throw new IllegalArgumentException("negatives per positive must not be negative: " + negativesPerPositive);
        }
        this.negativesPerPositive = negativesPerPositive;
    }

    /**
     * @throws IllegalArgumentException when a member has no images, a label that is no concept
     *                                  name, or the same concept id as another member
     */
    public String export(ClusterResult cluster, Map<String, String> descriptions,
                         Map<String, List<String>> imagePathsByConcept) {
        List<ManifestMember> members = ManifestMember.of(cluster, descriptions, imagePathsByConcept);
        JsonArrayBuilder samples = Json.createArrayBuilder();
        for (ManifestMember member : members) {
            List<String> negatives = imagesOfOthers(members, member);
            List<String> images = member.images();
            for (int i = 0; i < images.size(); i++) {
                samples.add(recognition(member.cue(), images.get(i), true));
                samples.add(detection(member.cue(), images.get(i), true));
                int count = Math.min(negativesPerPositive, negatives.size());
                for (int j = 0; j < count; j++) {
                    String negative = negatives.get((i * count + j) % negatives.size());
                    samples.add(recognition(member.cue(), negative, false));
                    samples.add(detection(member.cue(), negative, false));
                }
            }
        }
        return samples.build().toString();
    }

    private static List<String> imagesOfOthers(List<ManifestMember> members, ManifestMember self) {
        List<String> images = new ArrayList<>();
        members.stream().filter(m -> m != self).forEach(m -> images.addAll(m.images()));
        return images;
    }

    private static JsonObject recognition(ConceptCue cue, String image, boolean present) {
        String answer = present ? "Yes, " + cue.id() + " is in this image." : "No, " + cue.id() + " is not in this image.";
        JsonArrayBuilder messages = Json.createArrayBuilder()
                .add(message("user", ManifestMember.IMAGE + "Is " + cue.id() + " in this image?"))
                .add(message("assistant", answer));
        return sample(messages, image);
    }

    private static JsonObject detection(ConceptCue cue, String image, boolean present) {
        JsonObjectBuilder report = Json.createObjectBuilder().add("present", present);
        if (present) {
            report.add("location-absolute", "").add("location-relative", "");
        }
        String answer = Json.createObjectBuilder().add(cue.id(), report).build().toString();
        JsonArrayBuilder messages = Json.createArrayBuilder()
                .add(message("system", Prompts.detectionSystem()))
                .add(message("user", ManifestMember.IMAGE + Prompts.detectionUser(List.of(cue))))
                .add(message("assistant", answer));
        return sample(messages, image);
    }

    private static JsonObjectBuilder message(String role, String content) {
        return Json.createObjectBuilder().add("role", role).add("content", content);
    }

    private static JsonObject sample(JsonArrayBuilder messages, String image) {
        return Json.createObjectBuilder().add("messages", messages).add("images", Json.createArrayBuilder().add(image))
                .build();
    }
}
