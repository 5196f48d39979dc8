package ai.seed.inference.adapters;

import java.util.Locale;

/**
 * When an adapter's {@code base_model_name_or_path} names the model Seed serves. Trainers write a
 * hub id ("Qwen/Qwen2.5-VL-3B-Instruct") or a local path ("/models/Qwen2.5-VL-3B-Instruct"); vLLM
 * may serve it under either or a lowercased name. The rule: the two names are equal ignoring case,
 * or their last path segments (the part after the last '/', trailing '/' ignored) are. So
 * "Qwen/Qwen2.5-VL-3B-Instruct" matches "qwen2.5-vl-3b-instruct" and "/models/Qwen2.5-VL-3B-Instruct",
 * but not "Qwen/Qwen2.5-VL-7B-Instruct". The rule cannot tell two organisations' fine-tunes that
 * share a last segment apart; vLLM's resolver compares exactly, so the store rewrites the field to
 * the served name when it installs an adapter.
 */
public final class BaseModelNames {

    private BaseModelNames() {
    }

    public static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        String a = expected.strip();
        String b = actual.strip();
        String lastA = lastSegment(a);
        return a.equalsIgnoreCase(b) || (!lastA.isEmpty() && lastA.equals(lastSegment(b)));
    }

    static String lastSegment(String name) {
        String trimmed = name;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
