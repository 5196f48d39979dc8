package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A corpus of detection outputs as small VLMs write them, each with the report it must give. */
class DetectionReportParserTest {

    private static final List<ConceptCue> BO_LINA = List.of(
            new ConceptCue("<bo>", "<bo> is a golden retriever puppy."),
            new ConceptCue("<lina>", "<lina> is a young woman with red hair."));

    /** The report as {@code <id>=present|abs|rel; ...} in report order. */
    private static String summary(DetectionReport report) {
        return report.detections().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().present() + "|" + e.getValue().locationAbsolute()
                        + "|" + e.getValue().locationRelative())
                .collect(Collectors.joining("; "));
    }

    private static List<ConceptCue> scope(String... ids) {
        return Stream.of(ids).map(id -> new ConceptCue(id, id + " is someone.")).toList();
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("paper Fig. 7, trailing commas", scope("<by>", "<hy>"), """
                        {
                          "<by>": {
                            "present": true,
                            "location-absolute": "bottom-right quadrant",
                            "location-relative": "to the right of <hy>",
                          },
                          "<hy>": {
                            "present": true,
                            "location-absolute": "top-left quadrant",
                            "location-relative": "to the left of <hy>",
                          }
                        }""", "<by>=true|bottom-right quadrant|to the right of <hy>; "
                        + "<hy>=true|top-left quadrant|to the left of <hy>"),
                Arguments.of("paper Fig. 8, absent with empty strings", scope("<tr>", "<ys>"), """
                        ```
                        {
                          "<tr>": {
                            "present": false,
                            "location-absolute": "",
                            "location-relative": "",
                          },
                          "<ys>": {
                            "present": true,
                            "location-absolute": "bottom-right quadrant",
                            "location-relative": "to the right of a male",
                          }
                        }
                        ```""", "<tr>=false||; <ys>=true|bottom-right quadrant|to the right of a male"),
                Arguments.of("Table 6 example style: bare keys, trailing commas, ellipsis", BO_LINA, """
                        {
                          <bo>: {
                            "present": true,
                            "location-absolute": "top-left quadrant",
                            "location-relative": "to the left of the person in black suit",
                          },
                          <lina>: {
                            "present": false,
                          }
                          ...
                        }""", "<bo>=true|top-left quadrant|to the left of the person in black suit; <lina>=false||"),
                Arguments.of("markdown json fence", BO_LINA,
                        "```json\n{\"<bo>\": {\"present\": true, \"location-absolute\": \"center\", "
                                + "\"location-relative\": \"on the sofa\"}, \"<lina>\": {\"present\": false}}\n```",
                        "<bo>=true|center|on the sofa; <lina>=false||"),
                Arguments.of("prose before and after", BO_LINA,
                        "Here is the JSON you asked for:\n{\"<bo>\": {\"present\": false}, \"<lina>\": {\"present\": true, "
                                + "\"location-absolute\": \"left\", \"location-relative\": \"\"}}\nLet me know if you need more.",
                        "<bo>=false||; <lina>=true|left|"),
                Arguments.of("single quotes", BO_LINA,
                        "{'<bo>': {'present': true, 'location-absolute': 'top-right', 'location-relative': 'on the person's lap'},"
                                + " '<lina>': {'present': false}}",
                        "<bo>=true|top-right|on the person's lap; <lina>=false||"),
                Arguments.of("bare keys without brackets", BO_LINA,
                        "{bo: {present: true, location-absolute: center, location-relative: next to lina}, lina: {present: false}}",
                        "<bo>=true|center|next to lina; <lina>=false||"),
                Arguments.of("quoted keys without brackets, spaced keys", BO_LINA,
                        "{\"bo\": {\"present\": true, \"location-absolute\": \"center\"}, \" <lina> \": {\"present\": true}}",
                        "<bo>=true|center|; <lina>=true||"),
                Arguments.of("curly quotes", BO_LINA,
                        "{\u201C<bo>\u201D: {\u201Cpresent\u201D: true, \u201Clocation-absolute\u201D: \u201Cbottom\u201D, "
                                + "\u201Clocation-relative\u201D: \u201Cbeside \u2018the\u2019 cat\u201D}}",
                        "<bo>=true|bottom|beside 'the' cat; <lina>=false||"),
                Arguments.of("capitalised booleans", BO_LINA,
                        "{\"<bo>\": {\"present\": True, \"location-absolute\": \"left\"}, \"<lina>\": {\"present\": FALSE}}",
                        "<bo>=true|left|; <lina>=false||"),
                Arguments.of("present as yes/no strings", BO_LINA,
                        "{\"<bo>\": {\"present\": \"yes\", \"location-absolute\": \"left\"}, \"<lina>\": {\"present\": \"No\"}}",
                        "<bo>=true|left|; <lina>=false||"),
                Arguments.of("present as true/false strings", BO_LINA,
                        "{\"<bo>\": {\"present\": \"false\"}, \"<lina>\": {\"present\": \"true\", \"location-relative\": \"behind bo\"}}",
                        "<bo>=false||; <lina>=true||behind bo"),
                Arguments.of("omitted concept is absent", BO_LINA,
                        "{\"<lina>\": {\"present\": true, \"location-absolute\": \"center\"}}",
                        "<bo>=false||; <lina>=true|center|"),
                Arguments.of("absent concept loses its locations", BO_LINA,
                        "{\"<bo>\": {\"present\": false, \"location-absolute\": \"center\", \"location-relative\": \"x\"}}",
                        "<bo>=false||; <lina>=false||"),
                Arguments.of("truncated by the token limit", BO_LINA,
                        "{\"<bo>\": {\"present\": true, \"location-absolute\": \"center\"}, \"<lina>\": {\"present\": true, \"loc",
                        "<bo>=true|center|; <lina>=true||"),
                Arguments.of("newlines instead of commas", BO_LINA,
                        "{\n\"<bo>\": {\n\"present\": true\n\"location-absolute\": \"center\"\n}\n\"<lina>\": {\"present\": false}\n}",
                        "<bo>=true|center|; <lina>=false||"),
                Arguments.of("wrapper key", BO_LINA,
                        "{\"concepts\": {\"<bo>\": {\"present\": true}, \"<lina>\": {\"present\": false}}}",
                        "<bo>=true||; <lina>=false||"),
                Arguments.of("bare flags per concept", BO_LINA,
                        "{\"<bo>\": true, \"<lina>\": \"no\"}", "<bo>=true||; <lina>=false||"),
                Arguments.of("case and field-name variants", BO_LINA,
                        "{\"<Bo>\": {\"Present\": true, \"location_absolute\": \"top\", \"locationRelative\": \"left of lina\"}}",
                        "<bo>=true|top|left of lina; <lina>=false||"),
                Arguments.of("unescaped inner quotes as in Table 6", BO_LINA,
                        "{\"<bo>\": {\"present\": true, \"location-absolute\": \"concise area, e.g. \"top-left quadrant\"\"}}",
                        "<bo>=true|concise area, e.g. \"top-left quadrant\"|; <lina>=false||"),
                Arguments.of("None and n/a locations", BO_LINA,
                        "{\"<bo>\": {\"present\": true, \"location-absolute\": None, \"location-relative\": \"N/A\"}}",
                        "<bo>=true||; <lina>=false||"),
                Arguments.of("missing present but located", BO_LINA,
                        "{\"<bo>\": {\"location-absolute\": \"center\"}, \"<lina>\": {}}",
                        "<bo>=true|center|; <lina>=false||"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesTheCorpus(String name, List<ConceptCue> scope, String raw, String expected) throws Exception {
        assertThat(summary(DetectionReportParser.parse(raw, scope).report())).isEqualTo(expected);
    }

    @Test
    void dropsAndReportsUnknownIds() throws Exception {
        ParsedDetection parsed = DetectionReportParser.parse(
                "{\"<bo>\": {\"present\": true}, \"<max>\": {\"present\": true}, \"note\": \"hi\"}", BO_LINA);
        assertThat(parsed.droppedIds()).containsExactly("<max>", "note");
        assertThat(parsed.report().conceptIds()).containsExactly("<bo>", "<lina>");
        assertThat(parsed.warnings()).contains("<lina> missing from the output; taken as not present");
    }

    @Test
    void warnsAboutCoercions() throws Exception {
        ParsedDetection parsed = DetectionReportParser.parse(
                "{\"<bo>\": {\"present\": \"maybe\"}, \"<lina>\": {\"present\": false, \"location-absolute\": \"x\"}}",
                BO_LINA);
        assertThat(parsed.report().detected()).isEmpty();
        assertThat(parsed.warnings()).containsExactly("<bo> has present=maybe; taken as not present",
                "<lina> is not present but has a location; location cleared");
    }

    @Test
    void firstOfDuplicateKeysWins() throws Exception {
        ParsedDetection parsed = DetectionReportParser.parse("{\"<bo>\": {\"present\": true}, \"bo\": false}", BO_LINA);
        assertThat(parsed.report().detected()).containsExactly("<bo>");
        assertThat(parsed.warnings()).contains("<bo> appears twice; the first entry is kept");
    }

    @Test
    void everyParsedConceptIsNotYetChecked() throws Exception {
        DetectionReport report = DetectionReportParser.parse("{\"<bo>\": {\"present\": true}}", BO_LINA).report();
        assertThat(report.detections().values()).allMatch(d -> d.verification() == Verification.NOT_CHECKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Yes, I can see <bo>.", "```json\n```", "{}", "{\"answer\": \"yes\"}",
            "[true, false]", "{ : }"})
    void rejectsOutputThatIsNoReport(String raw) {
        assertThatThrownBy(() -> DetectionReportParser.parse(raw, BO_LINA))
                .isInstanceOf(UnparseableModelOutputException.class)
                .satisfies(e -> assertThat(((UnparseableModelOutputException) e).reason()).isNotBlank());
    }

    @Test
    void anEmptyScopeGivesAnEmptyReport() throws Exception {
        assertThat(DetectionReportParser.parse("{}", List.of()).report().conceptIds()).isEmpty();
    }
}
