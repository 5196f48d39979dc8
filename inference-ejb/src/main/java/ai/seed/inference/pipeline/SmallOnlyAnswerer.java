package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replies in SMALL_ONLY mode, where no large VLM is configured and the detection report is all
 * there is (the paper's "no M_l" row of Table 4).
 *
 * <p>A presence question ("Can you see &lt;bo&gt; in this photo?", "Is &lt;bo&gt; here?", "Can you
 * check if &lt;bo&gt; is in this photo?") that names only in-scope concepts is answered "Yes." when
 * every concept it names is present in the report, else "No." Anything else (what, where, how...,
 * or a concept outside the scope) cannot be answered from cues alone: the reply says no large
 * model is configured and shows the report, rather than inventing an answer.
 *
 * <p>Presence is recognised by patterns over the question with each concept id replaced by a
 * placeholder; a pattern must run to the end of its sentence, so "Can you see &lt;bo&gt; playing?"
 * (an activity question) is not taken for presence.
 */
public final class SmallOnlyAnswerer {

    public static final String NO_LARGE_MODEL =
            "No large model is configured, so this question cannot be answered; this is what the small model detected:";
    public static final String NO_LARGE_MODEL_TEXT_ONLY =
            "No large model is configured, so questions without an image cannot be answered.";

    private static final Pattern CONCEPT_ID = Pattern.compile("<[a-z0-9_-]+>");
    /** An id with the quotes or emphasis people put around it: "<bo>", '<bo>', *<bo>*. */
    private static final Pattern QUOTED_ID = Pattern.compile("[\"'*`]*<[a-z0-9_-]+>[\"'*`]*");
    private static final String CL = "@(?:\\s*(?:,|and|or|&)\\s*@)*";
    private static final String PLACE = "(?:(?:in|on|within|inside)\\s+(?:this|the|that)\\s+"
            + "(?:photo|image|picture|pic|frame|scene|shot|snapshot|photograph)"
            + "|present|visible|here|there|shown|pictured|depicted|featured|included|around|in it)";
    private static final String START = "(?:^|[.!?]\\s+)";
    private static final String END = "\\s*(?:[?.!,]|$)";
    private static final List<Pattern> PRESENCE = List.of(
            Pattern.compile("\\b(?:can|could|do|did|would)\\s+(?:you|i|we)\\s+"
                    + "(?:see|spot|find|notice|identify|detect|recogni[sz]e)\\s+" + CL + "(?:\\s+" + PLACE + ")?" + END),
            Pattern.compile("\\b(?:check|tell|verify|confirm|determine|see|know|say)\\s+(?:me\\s+)?(?:if|whether)\\s+"
                    + CL + "\\s+(?:is|are)\\s+" + PLACE + END),
            Pattern.compile(START + "(?:is|are)\\s+" + CL + "\\s+" + PLACE + END),
            Pattern.compile(START + "(?:is|are)\\s+there\\s+(?:an?\\s+)?" + CL + "(?:\\s+" + PLACE + ")?" + END),
            Pattern.compile(START + "(?:does|do)\\s+" + CL + "\\s+(?:appear|show up|feature)(?:\\s+" + PLACE + ")?" + END));
    private static final Pattern WH_QUESTION =
            Pattern.compile("^(?:what|where|how|why|who|whom|whose|which|when|describe)\\b");

    private SmallOnlyAnswerer() {
    }

    /** The reply to an image question from the detection report alone. */
    public static String answer(String question, DetectionReport report) {
        return presenceAnswer(question, report)
                .map(present -> present ? "Yes." : "No.")
                .orElseGet(() -> NO_LARGE_MODEL + "\n\n" + readable(report));
    }

    /** The reply to a text-only question: there is nothing to answer it with. */
    public static String answerTextOnly(String question) {
        return NO_LARGE_MODEL_TEXT_ONLY;
    }

    /**
     * Whether every concept the question names is present, if it is a presence question about
     * in-scope concepts only; empty otherwise.
     */
    static Optional<Boolean> presenceAnswer(String question, DetectionReport report) {
        if (question == null) {
            return Optional.empty();
        }
        String text = LenientJson.normalizeQuotes(question).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        List<String> named = new ArrayList<>();
        Matcher ids = CONCEPT_ID.matcher(text);
        while (ids.find()) {
            named.add(ids.group());
        }
        if (named.isEmpty() || !named.stream().allMatch(report::contains) || WH_QUESTION.matcher(text).find()) {
            return Optional.empty();
        }
        String shape = QUOTED_ID.matcher(text).replaceAll("@");
        if (PRESENCE.stream().noneMatch(p -> p.matcher(shape).find())) {
            return Optional.empty();
        }
        return Optional.of(named.stream().allMatch(id -> report.get(id).present()));
    }

    private static String readable(DetectionReport report) {
        return report.detections().isEmpty() ? "(no concepts in scope)" : ReportRenderer.readable(report);
    }
}
