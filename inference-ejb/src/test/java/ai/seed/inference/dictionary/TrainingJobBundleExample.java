package ai.seed.inference.dictionary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The committed example bundle {@code docker/k8s/training/example/}: version 1, meta-concept 0,
 * default settings, a tiny fake dataset. {@link TrainingJobBundleTest} fails when the committed
 * files differ from what the generator writes; {@link #REGENERATE} rewrites them.
 */
final class TrainingJobBundleExample {

    static final long VERSION = 1;
    static final int INDEX = 0;
    static final String LABEL = "<bo>";

    /** Two samples, one per member concept (a real one comes from TrainingManifestExporter). */
    static final String DATASET = """
            [{"messages":[{"role":"user","content":"<image>Is <bo> in this image?"},\
            {"role":"assistant","content":"Yes, <bo> is in this image."}],"images":["images/dataset_bo/0.jpg"]},\
            {"messages":[{"role":"user","content":"<image>Is <bo> in this image?"},\
            {"role":"assistant","content":"No, <bo> is not in this image."}],"images":["images/dataset_mam/0.jpg"]}]
            """;

    /** From the inference-ejb module's folder, where Maven runs the tests. */
    static final Path DIRECTORY = Path.of("..", "docker", "k8s", "training", "example");

    static final String REGENERATE_PROPERTY = "seed.regenerate-training-example";
    static final String REGENERATE = "mvn -B -q -pl inference-ejb -am test -Dtest=TrainingJobBundleTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE_PROPERTY + "=true";

    private TrainingJobBundleExample() {
    }

    static Map<String, String> files() {
        return new TrainingJobBundle(TrainingJobSettings.defaults()).files(VERSION, INDEX, LABEL, DATASET);
    }

    static void write(Path directory) throws IOException {
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the example into the given folder, by default {@link #DIRECTORY}. */
    public static void main(String[] args) throws IOException {
        write(args.length > 0 ? Path.of(args[0]) : DIRECTORY);
    }
}
