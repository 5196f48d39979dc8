package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden texts typed from the paper's Appendix B tables (Tables 6-9), line by line, with the
 * transcription rules of {@link Prompts} applied by hand. Any change to a prompt must show up here.
 */
class PromptsTest {

    private static final String DASH = "\u2014";

    private static final List<ConceptCue> CONCEPTS = List.of(
            new ConceptCue("<bo>", "<bo> is a cute golden retriever puppy with a playful expression."),
            new ConceptCue("<shiba-sleep>", "<shiba-sleep> is a shiba inu sleeping peacefully in a cozy home."));

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void detectionSystemIsTable6() {
        assertThat(Prompts.detectionSystem()).isEqualTo(lines(
                "You are a high-precision concept detector.",
                "",
                "Task",
                "",
                "You should inspect the image and output one JSON object that covers every concept in the Concept "
                        + "List provided by the user while conforming to the schema below.",
                "",
                "For each concept <concept_id> in the list:",
                "",
                "- If visible, set:",
                " - \"present\": true",
                " - \"location-absolute\": \"concise area, e.g. \"top-left quadrant\"",
                " - \"location-relative\": \"spatial relation, e.g. \"to the left of the person in black suit\"",
                "- If not visible, set:",
                " - \"present\": false -> omit all other keys",
                "",
                "The final output should be a JSON object like: {",
                "  <concept_id_1>: {",
                "    \"present\": <boolean>,",
                "    \"location-absolute\": <string> or \"\",",
                "    \"location-relative\": <string> or \"\",",
                "  },",
                "  <concept_id_2>: {",
                "    \"present\": <boolean>,",
                "    \"location-absolute\": <string> or \"\",",
                "    \"location-relative\": <string> or \"\",",
                "  }",
                "  ...",
                "}",
                "",
                "Rules",
                "",
                "- Output plain English text only" + DASH + "no Markdown, no code fences.",
                "- Keep every concept ID enclosed in angle brackets (< >).",
                "- If present = false, omit all other keys.",
                "- Boolean literals must be lowercase true/false.",
                "- Do not add any extra keys, comments, or explanatory text."));
    }

    @Test
    void detectionUserIsTheConceptList() {
        assertThat(Prompts.detectionUser(CONCEPTS)).isEqualTo(lines(
                "Concept List",
                "",
                "<bo>: <bo> is a cute golden retriever puppy with a playful expression.",
                "<shiba-sleep>: <shiba-sleep> is a shiba inu sleeping peacefully in a cozy home."));
        assertThat(Prompts.identityUser(CONCEPTS)).isEqualTo(Prompts.detectionUser(CONCEPTS));
    }

    @Test
    void identitySystemIsTable7WithItsExample() {
        assertThat(Prompts.identitySystem()).isEqualTo(lines(
                "You are an information extractor.",
                "",
                "Task",
                "",
                "Inspect the textual descriptions below and return one JSON object that covers every concept in the "
                        + "Concept List while conforming to the schema:",
                "",
                "- \"category\": permanent class, e.g. \"a golden retriever puppy\", \"a blue cartoon character\"",
                "- \"attributes\": mutable traits, e.g. \"always playful expression; dresses in trendy clothes\"",
                "",
                "Example",
                "",
                "Example:",
                "",
                "User prompt",
                "",
                "Concept List:",
                "",
                "<bo>: <bo> is a cute golden retriever puppy with a playful expression.",
                "<shiba-sleep>: <shiba-sleep> is a shiba inu sleeping peacefully in a cozy home.",
                "",
                "Expected output",
                "",
                "{",
                "  \"<bo>\": {",
                "    \"category\": \"a golden retriever puppy\",",
                "    \"attributes\": \"always playful expression\"",
                "  },",
                "  \"<shiba-sleep>\": {",
                "    \"category\": \"a shiba inu\",",
                "    \"attributes\": \"can sleep peacefully; lives in cozy home\"",
                "  }",
                "}",
                "",
                "Rules",
                "",
                "- Output plain English text only" + DASH + "no Markdown, no code fences.",
                "- Keep every concept ID enclosed in angle brackets (< >).",
                "- Provide exactly the two keys for each concept" + DASH + "no extras.",
                "- Do not add comments or explanatory text outside the JSON object."));
    }

    @Test
    void identityExampleIsItselfParseable() throws Exception {
        String example = Prompts.identitySystem().split("Expected output\n\n")[1].split("\n\nRules")[0];
        assertThat(IdentityParser.parse(example, CONCEPTS)).containsEntry("<shiba-sleep>",
                new ConceptIdentity("a shiba inu", "can sleep peacefully; lives in cozy home"));
    }

    @Test
    void reflectionSystemIsTable8() {
        assertThat(Prompts.reflectionSystem()).isEqualTo(lines(
                "You are a visual verifier.",
                "",
                "Task",
                "",
                "You should answer each visual question with yes or no" + DASH + "nothing else.",
                "",
                "Rules",
                "",
                "- Provide exactly one \"yes\" or \"no\" per question.",
                "- If there are N questions, output N tokens separated by a single space.",
                "- Do not include any additional words, punctuation, or commentary."));
    }

    @Test
    void reflectionUserNumbersQuestionsAcrossConcepts() {
        List<ReflectionQuestion> questions = List.of(
                new ReflectionQuestion("<bo>", ReflectionQuestion.Kind.ABSOLUTE,
                        Prompts.absoluteQuestion("a golden retriever puppy", "top-left quadrant")),
                new ReflectionQuestion("<bo>", ReflectionQuestion.Kind.RELATIVE,
                        Prompts.relativeQuestion("a golden retriever puppy", "to the left of the person in black suit")),
                new ReflectionQuestion("<shiba-sleep>", ReflectionQuestion.Kind.RELATIVE,
                        Prompts.relativeQuestion("a shiba inu", "on the sofa")));
        assertThat(Prompts.reflectionUser(questions)).isEqualTo(lines(
                "Q1. Do you see a golden retriever puppy at top-left quadrant of the image? (yes or no)",
                "",
                "Q2. Is a golden retriever puppy to the left of the person in black suit? (yes or no)",
                "",
                "Q3. Is a shiba inu on the sofa? (yes or no)"));
        assertThat(Prompts.presenceQuestion("a shiba inu")).isEqualTo("Do you see a shiba inu in the image? (yes or no)");
    }

    @Test
    void answerSystemIsTable9WithEveryInScopeConcept() {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<bo>", ConceptDetection.present("top-left quadrant", "next to the \"red\" ball"));
        map.put("<shiba-sleep>", ConceptDetection.absent());
        Map<String, ConceptIdentity> identities = Map.of(
                "<bo>", new ConceptIdentity("a golden retriever puppy", "always playful expression"),
                "<shiba-sleep>", new ConceptIdentity("a shiba inu", "can sleep peacefully; lives in cozy home"));
        assertThat(Prompts.answerSystem(new DetectionReport(map), identities)).isEqualTo(lines(
                "Detection Report",
                "",
                "{",
                "  \"<bo>\": {",
                "    \"present\": true,",
                "    \"category\": \"a golden retriever puppy\",",
                "    \"attributes\": \"always playful expression\",",
                "    \"location-absolute\": \"top-left quadrant\",",
                "    \"location-relative\": \"next to the \\\"red\\\" ball\"",
                "  },",
                "  \"<shiba-sleep>\": {",
                "    \"present\": false,",
                "    \"category\": \"a shiba inu\",",
                "    \"attributes\": \"can sleep peacefully; lives in cozy home\",",
                "    \"location-absolute\": \"\",",
                "    \"location-relative\": \"\"",
                "  }",
                "}",
                "",
                "Rules",
                "",
                "Use the Detection Report to answer the user's visual question.",
                "- category: immutable essence (e.g. \"a golden retriever puppy\").",
                "- attributes: mutable traits that may or may not be visible (e.g. \"always playful expression\").",
                "- If present = false, it means the concept is not in the image. You should not mention the concept; "
                        + "reply \"no\" if asked about its presence.",
                "- If present = true, it means it concept is in the image. You should ground your answer strictly on "
                        + "the provided fields; reply \"yes\" if asked about its presence."));
    }

    @Test
    void answerReportFallsBackToTheDescriptionWithoutIdentity() {
        DetectionReport report = DetectionReport.allAbsent(List.of("<bo>"));
        assertThat(Prompts.answerSystem(report, Map.of(), Map.of("<bo>", "<bo> is a dog.")))
                .contains("\"category\": \"<bo> is a dog.\",\n    \"attributes\": \"\",");
        assertThat(Prompts.answerSystem(DetectionReport.allAbsent(List.of()), Map.of()))
                .startsWith("Detection Report\n\n{}\n\nRules");
    }

    @Test
    void textOnlySystemCarriesIdentityFieldsAndDescriptions() {
        Map<String, ConceptIdentity> identities = Map.of(
                "<bo>", new ConceptIdentity("a golden retriever puppy", "always playful expression"));
        assertThat(Prompts.textOnlySystem(CONCEPTS, identities)).isEqualTo(lines(
                "Concept Information",
                "",
                "{",
                "  \"<bo>\": {",
                "    \"category\": \"a golden retriever puppy\",",
                "    \"attributes\": \"always playful expression\",",
                "    \"description\": \"<bo> is a cute golden retriever puppy with a playful expression.\"",
                "  },",
                "  \"<shiba-sleep>\": {",
                "    \"description\": \"<shiba-sleep> is a shiba inu sleeping peacefully in a cozy home.\"",
                "  }",
                "}",
                "",
                "Rules",
                "",
                "- The user's question refers to the concepts above by their IDs in angle brackets.",
                "- No image is provided; answer from the category, attributes and description of each concept."));
    }

    @Test
    void referenceDefaults() {
        assertThat(Prompts.DETECTION_TEMPERATURE).isEqualTo(0.2);
        assertThat(Prompts.MAX_NEW_TOKENS).isEqualTo(1024);
    }

    @Test
    void promptsArePlainText() {
        for (String prompt : List.of(Prompts.detectionSystem(), Prompts.identitySystem(), Prompts.reflectionSystem())) {
            assertThat(prompt).doesNotContain("**", "`", "\\langle", "\u201C", "\u201D", "\u2019").doesNotEndWith("\n");
        }
    }
}
