package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the large VLM's yes/no answers to the reflection questions.
 *
 * <p>Table 8 asks for "N tokens separated by a single space", but models also write
 * {@code Q1: Yes.}, one answer per line, or (as in the paper's own Fig. 7) {@code q1. yes\nq2. yes}
 * with a literal backslash-n. Every whole word "yes" or "no", in any case, is an answer, in
 * order; when every answer carries a distinct label {@code Q1..QN} the labels decide the order.
 * Anything but exactly {@code expectedCount} answers is rejected: guessing which answer belongs to
 * which question could drop a concept that is really there.
 */
public final class ReflectionVerdictParser {

    private static final Pattern ANSWER = Pattern.compile("(?:\\bq\\s*(\\d+)\\s*[.:)\\-]?\\s*)?\\b(yes|no)\\b");

    private ReflectionVerdictParser() {
    }

    /** The answers, {@code true} for yes, in question order. */
    public static List<Boolean> parse(String raw, int expectedCount) throws UnparseableModelOutputException {
        if (expectedCount < 0) {
            throw new IllegalArgumentException("expectedCount must not be negative");
        }
        String text = raw == null ? "" : raw.replace("\\n", "\n").toLowerCase(Locale.ROOT);
        List<Boolean> answers = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Matcher m = ANSWER.matcher(text);
        while (m.find()) {
            answers.add(m.group(2).equals("yes"));
            labels.add(m.group(1) == null ? null : Integer.valueOf(m.group(1)));
        }
        if (answers.size() != expectedCount) {
            throw new UnparseableModelOutputException(
                    "expected " + expectedCount + " yes/no answers, found " + answers.size());
        }
        return List.copyOf(byLabel(answers, labels));
    }

    private static List<Boolean> byLabel(List<Boolean> answers, List<Integer> labels) {
        Boolean[] ordered = new Boolean[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            Integer label = labels.get(i);
            if (label == null || label < 1 || label > ordered.length || ordered[label - 1] != null) {
                return answers; // unlabelled or inconsistent labels: position decides
            }
            ordered[label - 1] = answers.get(i);
        }
        return Arrays.asList(ordered);
    }
}
