package ai.seed.inference.dictionary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The LLaMA-Factory {@code dataset_info.json} entry that registers a meta-concept's training
 * manifest (see {@link TrainingManifestExporter}) as a ShareGPT-format multimodal dataset.
 *
 * <p>The dataset of cluster {@code k} is named {@code seed_meta_<k>} and stored, by default, in
 * {@code seed_meta_<k>.json}. The tags spell out LLaMA-Factory's role names, the system one
 * included, because the manifest's detection samples start with a system message.
 */
public final class DatasetInfo {

    private DatasetInfo() {
    }

    public static String datasetName(int clusterIndex) {
        if (clusterIndex < 0) {
            throw new IllegalArgumentException("cluster index must not be negative: " + clusterIndex);
        }
        return "seed_meta_" + clusterIndex;
    }

    public static String defaultFileName(int clusterIndex) {
        return datasetName(clusterIndex) + ".json";
    }

    /** {@code {"seed_meta_<k>": {...}}} for the manifest in its default file. */
    public static String json(int clusterIndex) {
        return json(clusterIndex, defaultFileName(clusterIndex));
    }

    /** {@code {"seed_meta_<k>": {...}}}; merge several into one {@code dataset_info.json}. */
    public static String json(int clusterIndex, String fileName) {
        return Json.createObjectBuilder().add(datasetName(clusterIndex), entry(fileName)).build().toString();
    }

    /** The value part of the snippet, for callers that assemble the whole file themselves. */
    public static JsonObject entry(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("the manifest file name is required");
        }
        return Json.createObjectBuilder()
                .add("file_name", fileName)
                .add("formatting", "sharegpt")
                .add("columns", Json.createObjectBuilder().add("messages", "messages").add("images", "images"))
                .add("tags", Json.createObjectBuilder()
                        .add("role_tag", "role")
                        .add("content_tag", "content")
                        .add("user_tag", "user")
                        .add("assistant_tag", "assistant")
                        .add("system_tag", "system"))
                .build();
    }
}
