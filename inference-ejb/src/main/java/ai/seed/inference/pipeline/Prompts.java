package ai.seed.inference.pipeline;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The prompt texts of the SLC pipeline, reproduced from the paper's Appendix B (Tables 6-9) and
 * Appendix D (text-only questions).
 *
 * <p>Transcription rules, applied the same way to every table so the golden tests can be checked
 * against the paper line by line: the words, headings ("Task", "Example", "Rules"), bullets and
 * line breaks are the paper's; LaTeX becomes plain text ({@code ⟨concept_id⟩} becomes
 * {@code <concept_id>}, {@code \rightarrow} becomes {@code ->}, {@code (⟨⟩)} becomes {@code (< >)});
 * curly quotes become ASCII quotes; inline emphasis markup (bold, italics, code spans) is dropped,
 * since the prompts themselves ask for plain text with no Markdown; the code fences around the
 * JSON examples are dropped for the same reason ("no code fences"). The paper's own slips are kept
 * (the unbalanced quotes in Table 6, the trailing commas of its JSON example, "it means it concept"
 * in Table 9): they are its words, and the parsers accept that style anyway.
 *
 * <p>A concept list is one line per concept, {@code <id>: description}, in the given order.
 */
public final class Prompts {

    /** Sampling temperature of the small VLM's detection call (reference implementation). */
    public static final double DETECTION_TEMPERATURE = 0.2;
    /** Generation limit of every call (reference implementation: {@code max_new_tokens=1024}). */
    public static final int MAX_NEW_TOKENS = 1024;

    private static final String DETECTION_SYSTEM = """
            You are a high-precision concept detector.

            Task

            You should inspect the image and output one JSON object that covers every concept in the \
            Concept List provided by the user while conforming to the schema below.

            For each concept <concept_id> in the list:

            - If visible, set:
             - "present": true
             - "location-absolute": "concise area, e.g. "top-left quadrant"
             - "location-relative": "spatial relation, e.g. "to the left of the person in black suit"
            - If not visible, set:
             - "present": false -> omit all other keys

            The final output should be a JSON object like: {
              <concept_id_1>: {
                "present": <boolean>,
                "location-absolute": <string> or "",
                "location-relative": <string> or "",
              },
              <concept_id_2>: {
                "present": <boolean>,
                "location-absolute": <string> or "",
                "location-relative": <string> or "",
              }
              ...
            }

            Rules

            - Output plain English text only\u2014no Markdown, no code fences.
            - Keep every concept ID enclosed in angle brackets (< >).
            - If present = false, omit all other keys.
            - Boolean literals must be lowercase true/false.
            - Do not add any extra keys, comments, or explanatory text.""";

    private static final String IDENTITY_SYSTEM = """
            You are an information extractor.

            Task

            Inspect the textual descriptions below and return one JSON object that covers every concept \
            in the Concept List while conforming to the schema:

            - "category": permanent class, e.g. "a golden retriever puppy", "a blue cartoon character"
            - "attributes": mutable traits, e.g. "always playful expression; dresses in trendy clothes"

            Example

            Example:

            User prompt

            Concept List:

            <bo>: <bo> is a cute golden retriever puppy with a playful expression.
            <shiba-sleep>: <shiba-sleep> is a shiba inu sleeping peacefully in a cozy home.

            Expected output

            {
              "<bo>": {
                "category": "a golden retriever puppy",
                "attributes": "always playful expression"
              },
              "<shiba-sleep>": {
                "category": "a shiba inu",
                "attributes": "can sleep peacefully; lives in cozy home"
              }
            }

            Rules

            - Output plain English text only\u2014no Markdown, no code fences.
            - Keep every concept ID enclosed in angle brackets (< >).
            - Provide exactly the two keys for each concept\u2014no extras.
            - Do not add comments or explanatory text outside the JSON object.""";

    // Table 8 prints its Rules under the questions; they are static, so they live in the system
    // prompt next to the Task (as in Tables 6, 7 and 9) and the user turn holds only the questions.
    private static final String REFLECTION_SYSTEM = """
            You are a visual verifier.

            Task

            You should answer each visual question with yes or no\u2014nothing else.

            Rules

            - Provide exactly one "yes" or "no" per question.
            - If there are N questions, output N tokens separated by a single space.
            - Do not include any additional words, punctuation, or commentary.""";

    private static final String ANSWER_RULES = """
            Rules

            Use the Detection Report to answer the user's visual question.
            - category: immutable essence (e.g. "a golden retriever puppy").
            - attributes: mutable traits that may or may not be visible (e.g. "always playful expression").
            - If present = false, it means the concept is not in the image. You should not mention the \
            concept; reply "no" if asked about its presence.
            - If present = true, it means it concept is in the image. You should ground your answer \
            strictly on the provided fields; reply "yes" if asked about its presence.""";

    // Appendix D gives no wording, only "{structured category/attributes field + user question}".
    private static final String TEXT_ONLY_RULES = """
            Rules

            - The user's question refers to the concepts above by their IDs in angle brackets.
            - No image is provided; answer from the category, attributes and description of each concept.""";

    private Prompts() {
    }

    /** Table 6, system prompt of the small VLM's detection call. */
    public static String detectionSystem() {
        return DETECTION_SYSTEM;
    }

    /** Table 6, user prompt: {@code Concept List} and {@code {C_i^u : T_{C_i^u}}}, one line each. */
    public static String detectionUser(List<ConceptCue> concepts) {
        return conceptList(concepts);
    }

    /** Table 7, system prompt of the large VLM's identity extraction (run once per concept set). */
    public static String identitySystem() {
        return IDENTITY_SYSTEM;
    }

    /** Table 7, user prompt: the same concept list as Table 6. */
    public static String identityUser(List<ConceptCue> concepts) {
        return conceptList(concepts);
    }

    /** Table 8, system prompt of the large VLM's self-VQA verification. */
    public static String reflectionSystem() {
        return REFLECTION_SYSTEM;
    }

    /**
     * Table 8, user prompt: every question of the turn in one call, numbered Q1..QN across all
     * concepts in list order, separated by a blank line as the table prints Q1 and Q2.
     */
    public static String reflectionUser(List<ReflectionQuestion> questions) {
        return IntStream.range(0, questions.size())
                .mapToObj(i -> "Q" + (i + 1) + ". " + questions.get(i).text())
                .collect(Collectors.joining("\n\n"));
    }

    /** Table 8, Q1: {@code Do you see {ID} at {location-absolute} of the image? (yes or no)}. */
    public static String absoluteQuestion(String identityPhrase, String locationAbsolute) {
        return "Do you see " + identityPhrase + " at " + locationAbsolute + " of the image? (yes or no)";
    }

    /** Table 8, Q2: {@code Is {ID} {location-relative}? (yes or no)}. */
    public static String relativeQuestion(String identityPhrase, String locationRelative) {
        return "Is " + identityPhrase + " " + locationRelative + "? (yes or no)";
    }

    /**
     * The no-detector ablation's question (paper §4.3.5, "w/o detector": the large VLM reflects
     * without cues, so it can only be asked whether the concept is there), in Q1's wording.
     */
    public static String presenceQuestion(String identityPhrase) {
        return "Do you see " + identityPhrase + " in the image? (yes or no)";
    }

    /**
     * Table 9, system prompt of the answer call: "Detection Report", the report rendered by
     * {@link ReportRenderer#answerReport}, a blank line, then the table's Rules.
     */
    public static String answerSystem(DetectionReport report, Map<String, ConceptIdentity> identities) {
        return answerSystem(report, identities, Map.of());
    }

    /** As {@link #answerSystem(DetectionReport, Map)}; descriptions stand in for missing identities. */
    public static String answerSystem(
            DetectionReport report, Map<String, ConceptIdentity> identities, Map<String, String> descriptions) {
        return "Detection Report\n\n" + ReportRenderer.answerReport(report, identities, descriptions)
                + "\n\n" + ANSWER_RULES;
    }

    /**
     * Appendix D, system prompt of a text-only turn: "Concept Information" with each concept's
     * identity fields and description (see {@link ReportRenderer#conceptInformation}), then a
     * short rule to answer from them. The user prompt is the question as typed.
     */
    public static String textOnlySystem(List<ConceptCue> concepts, Map<String, ConceptIdentity> identities) {
        return "Concept Information\n\n" + ReportRenderer.conceptInformation(concepts, identities)
                + "\n\n" + TEXT_ONLY_RULES;
    }

    private static String conceptList(List<ConceptCue> concepts) {
        return "Concept List\n\n" + concepts.stream()
                .map(c -> c.id() + ": " + c.description())
                .collect(Collectors.joining("\n"));
    }
}
