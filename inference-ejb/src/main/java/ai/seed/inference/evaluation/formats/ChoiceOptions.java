package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lettered options: read from a JSON object ({@code "options": {"A": "Cat", "B": "Dog"}}) or
 * parsed out of a question that embeds them, as MC-LLaVA's files do
 * ({@code "What is <x> wearing? A. Casual wear; B. School uniform;"}).
 */
final class ChoiceOptions {

    private static final Pattern LETTER = Pattern.compile("[A-Z]");
    private static final Pattern CORRECT = Pattern.compile("^\\s*\\(?([A-Z])(?:[.):]|\\s|$)");

    /** A question split into its stem and options. */
    record Embedded(String stem, Map<String, String> options) {
    }

    private ChoiceOptions() {
    }

    /** Options from a JSON object: keys single upper-case letters, values non-blank text (numbers allowed). */
    static Map<String, String> fromJson(JsonValue value, String file, String path) throws DatasetFormatException {
        JsonObject object = JsonInput.object(value, file, path);
        if (object.isEmpty()) {
            throw new DatasetFormatException(file + " " + path, "no options");
        }
        Map<String, String> options = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String at = file + " " + JsonInput.key(path, e.getKey());
            if (!LETTER.matcher(e.getKey()).matches()) {
                throw new DatasetFormatException(at, "option keys must be single upper-case letters");
            }
            String text = e.getValue() instanceof JsonString s ? s.getString()
                    : e.getValue() instanceof JsonNumber n ? n.toString() : null;
            if (text == null || text.isBlank()) {
                throw new DatasetFormatException(at, "an option must be non-blank text, found " + JsonInput.kind(e.getValue()));
            }
            options.put(e.getKey(), text.strip());
        }
        return options;
    }

    /**
     * Splits "stem A. x; B. y" into the stem and options A, B, ...: the markers ("A.", "A)" or "A:") must run A, B, C
     * in order, each preceded by white space or punctuation; the last option ends at a line break
     * (the datasets append instructions such as "RULE: ..." on a new line). Null when the question
     * holds fewer than two such options.
     */
    static Embedded embedded(String question) {
        Matcher first = marker('A').matcher(question);
        if (!first.find()) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String stem = question.substring(0, first.start()).strip();
        int textStart = first.end();
        char letter = 'A';
        while (true) {
            Matcher next = marker((char) (letter + 1)).matcher(question);
            boolean more = letter < 'Z' && next.find(textStart);
            int textEnd = more ? next.start() : endOfLine(question, textStart);
            String text = clean(question.substring(textStart, textEnd));
            if (text.isEmpty()) {
                return null;
            }
            options.put(String.valueOf(letter), text);
            if (!more) {
                break;
            }
            letter++;
            textStart = next.end();
        }
        return options.size() < 2 ? null : new Embedded(stem, options);
    }

    /** The letter of a correct answer written as "B", "B.", "(B)" or "B. Dog"; it must be an option. */
    static String correctLetter(String answer, Map<String, String> options, String entry) throws DatasetFormatException {
        Matcher m = CORRECT.matcher(answer);
        if (!m.find()) {
            throw new DatasetFormatException(entry, "the correct answer '" + answer + "' is not an option letter");
        }
        String letter = m.group(1);
        if (!options.containsKey(letter)) {
            throw new DatasetFormatException(entry, "the correct answer '" + letter + "' is not one of the options "
                    + options.keySet());
        }
        return letter;
    }

    private static Pattern marker(char letter) {
        return Pattern.compile("(?:^|(?<=[\\s?:;,.]))" + letter + "[.):]\\s*");
    }

    private static int endOfLine(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static String clean(String text) {
        return text.strip().replaceAll("[\\s;,.]+$", "").strip();
    }
}
