package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.dictionary.YoLlavaDataset;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Yo'LLaVA evaluation sets, read from the unpacked {@code yollava-data} folder.
 *
 * <ul>
 *   <li>Concepts: {@code train/<name>/} via {@link YoLlavaDataset} (with its descriptions file).</li>
 *   <li>Recognition: every image of every {@code test/<folder>/}, asked about every concept with
 *       "Can you see &lt;name&gt; in this photo? Answer with a single word or phrase."; "Yes" only
 *       for the concept's own folder (the Yo'LLaVA / RAP protocol: ~40 x 333 items). When RAP's
 *       list {@code recognition_test.json} lies at the root it is used instead
 *       ({@link RapRecognitionList}). A test folder without a training concept is not asked
 *       about (reported in {@code skipped}) but its images still serve as negatives.</li>
 *   <li>Visual multiple choice: {@code yollava-visual-qa.json} at the root, if present
 *       ({@link YoLlavaVisualQa}).</li>
 *   <li>Text-only: RAP's {@code yollava-text-only-qa.json} at the root, if present
 *       ({@link RapTextOnlyQa}); format {@code rap-text} reads only that file.</li>
 *   <li>SQA: the paper's set as its reference code publishes it, {@code sqa.json} at the root, if
 *       present ({@link SlcSqaSet}); visual multiple choice tagged {@code sqa}.</li>
 * </ul>
 */
public final class YoLlavaEvalImporter {

    public static final String FORMAT = "yollava";
    static final String TEST = "test";
    static final String EXPECTED = "train/<name>/ image folders (the unpacked yollava-data folder)";
    static final String QUESTION = "Can you see <%s> in this photo? Answer with a single word or phrase.";

    private YoLlavaEvalImporter() {
    }

    public static EvalDataset read(Path root) throws DatasetFormatException {
        return read(root, ImportLimits.DEFAULT);
    }

    public static EvalDataset read(Path root, ImportLimits limits) throws DatasetFormatException {
        ImportContext context = ImportContext.open(root, limits, YoLlavaDataset::read, EXPECTED);
        Path test = context.paths.root().resolve(TEST);
        boolean anything = false;
        if (context.exists(RapRecognitionList.FILE)) {
            RapRecognitionList.read(context, context.paths.root().resolve(RapRecognitionList.FILE));
            anything = true;
        } else if (Files.isDirectory(test)) {
            recognitionOverTestFolders(context, test);
            anything = true;
        }
        if (context.exists(YoLlavaVisualQa.FILE)) {
            YoLlavaVisualQa.read(context, context.paths.root().resolve(YoLlavaVisualQa.FILE));
            anything = true;
        }
        if (context.exists(RapTextOnlyQa.FILE)) {
            RapTextOnlyQa.read(context, context.paths.root().resolve(RapTextOnlyQa.FILE));
            anything = true;
        }
        if (context.exists(SlcSqaSet.FILE)) {
            SlcSqaSet.read(context, context.paths.root().resolve(SlcSqaSet.FILE));
            anything = true;
        }
        if (!anything) {
            throw new DatasetFormatException(".", "nothing to evaluate: expected test/<name>/ folders, "
                    + RapRecognitionList.FILE + ", " + YoLlavaVisualQa.FILE + ", " + RapTextOnlyQa.FILE + " or " + SlcSqaSet.FILE);
        }
        return context.dataset(FORMAT);
    }

    private static void recognitionOverTestFolders(ImportContext context, Path test) throws DatasetFormatException {
        Map<String, List<Path>> imagesByFolder = new LinkedHashMap<>();
        for (Path folder : context.paths.folders(test)) {
            List<Path> images = context.paths.images(folder);
            if (images.isEmpty()) {
                context.items.skip(context.paths.relative(folder) + ": no images; not part of recognition");
            } else {
                imagesByFolder.put(ImportContext.conceptName(folder), images);
            }
        }
        List<String> asked = new ArrayList<>();
        for (String folder : imagesByFolder.keySet()) {
            if (context.mentions.isKnown(folder)) {
                asked.add(folder);
            } else {
                context.items.skip(TEST + "/" + folder + ": no training concept of that name; its images are"
                        + " used only as negatives");
            }
        }
        for (DatasetConcept concept : context.concepts) {
            if (!imagesByFolder.containsKey(concept.name())) {
                context.items.skip("train/" + concept.name() + ": no test/" + concept.name()
                        + "/ folder; the concept is not asked about in recognition");
            }
        }
        for (String concept : asked) {
            String question = String.format(QUESTION, concept);
            for (Map.Entry<String, List<Path>> folder : imagesByFolder.entrySet()) {
                boolean present = folder.getKey().equals(concept);
                Set<String> shown = DatasetConcept.NAME.matcher(folder.getKey()).matches()
                        ? Set.of(folder.getKey()) : Set.of();
                for (Path image : folder.getValue()) {
                    context.items.add(context.recognition(concept, image, question, present, shown, null),
                            context.paths.relative(image));
                }
            }
        }
    }
}
