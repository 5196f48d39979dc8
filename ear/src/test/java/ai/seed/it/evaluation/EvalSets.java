package ai.seed.it.evaluation;

import ai.seed.it.pipeline.ItImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tiny Yo'LLaVA-layout evaluation set with two concepts, {@code bo} (a toy) and {@code mug}:
 * 8 recognition items (2 test images per concept, each asked about both concepts: 4 Yes, 4 No),
 * 2 visual multiple-choice and 2 text-only questions. Every image has its own width, so a fake
 * model can tell them apart: test toys 60 and 72 px, test mugs 64 and 76 px.
 */
public final class EvalSets {

    static final int TOY_A = 60;
    static final int TOY_B = 72;
    static final int MUG_A = 64;
    static final int MUG_B = 76;

    static final String VISUAL_QA = """
            {"bo": {"test/bo/0.png": {"question": "What colour is sks mostly?",
                                      "options": {"A": "Red", "B": "Blue"}, "correct_answer": "A"}},
             "mug": {"test/mug/0.png": {"question": "What pattern does sks have?",
                                        "options": {"A": "Dots", "B": "Stripes"}, "correct_answer": "B"}}}""";
    static final String TEXT_QA = """
            {"bo": {"0": {"question": "Is sks a toy or a mug?", "option": {"A": "Toy", "B": "Mug"},
                          "correct_answer": "A"}},
             "mug": {"0": {"question": "Where does sks usually stand?", "option": {"A": "Shelf", "B": "Desk"},
                           "correct_answer": "B"}}}""";

    private EvalSets() {
    }

    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train/bo/0.png", ItImages.toyPng(100));
        files.put("train/bo/1.png", ItImages.toyPng(90));
        files.put("train/mug/0.png", ItImages.mugPng(100));
        files.put("test/bo/0.png", ItImages.toyPng(TOY_A));
        files.put("test/bo/1.png", ItImages.toyPng(TOY_B));
        files.put("test/mug/0.png", ItImages.mugPng(MUG_A));
        files.put("test/mug/1.png", ItImages.mugPng(MUG_B));
        files.put("yollava-visual-qa.json", VISUAL_QA.getBytes(StandardCharsets.UTF_8));
        files.put("yollava-text-only-qa.json", TEXT_QA.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] zip() {
        return zip(files());
    }
}
