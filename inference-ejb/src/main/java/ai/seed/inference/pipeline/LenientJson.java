package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small, forgiving JSON reader for what VLMs actually write when asked for JSON.
 *
 * <p>It finds the first '{' in the output (so markdown fences and prose around the object are
 * skipped) and reads one object, accepting: trailing or missing commas, single-quoted strings,
 * unquoted keys ({@code <bo>: ...}), curly quotes, unescaped inner quotes ({@code "e.g. "top"
 * area"}), capitalised or Python literals ({@code True}, {@code None}) and bare words as strings.
 * Output cut off by the token limit is closed where it ends, dropping only the unfinished member.
 *
 * <p>Values come back as {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Boolean}, {@code Double} or {@code null}. It is not a validator: the
 * callers check the shape they need. If no '{' starts a readable object it throws
 * {@link UnparseableModelOutputException}.
 */
public final class LenientJson {

    /** The object read and what was tolerated to read it (for the trace). */
    public record Result(Map<String, Object> object, List<String> warnings) {
    }

    private static final int MAX_DEPTH = 32;
    private static final int MAX_START_ATTEMPTS = 3;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private LenientJson() {
    }

    public static Result parseObject(String raw) throws UnparseableModelOutputException {
        if (raw == null || raw.isBlank()) {
            throw new UnparseableModelOutputException("empty output");
        }
        String text = normalizeQuotes(raw);
        int start = text.indexOf('{');
        if (start < 0) {
            throw new UnparseableModelOutputException("no JSON object in the output");
        }
        String lastReason = "";
        // Prose may itself contain a '{'; try a few starting points before giving up.
        for (int attempt = 0; attempt < MAX_START_ATTEMPTS && start >= 0; attempt++) {
            Reader reader = new Reader(text, start);
            try {
                Map<String, Object> object = reader.object(0);
                noteSurroundings(text, start, reader.pos, reader.warnings);
                return new Result(object, List.copyOf(reader.warnings));
            } catch (Malformed e) {
                lastReason = e.getMessage();
            }
            start = text.indexOf('{', start + 1);
        }
        throw new UnparseableModelOutputException("no parsable JSON object: " + lastReason);
    }

    /** A JSON string literal for {@code value}, escaped; used to render prompts. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    /** Curly and other typographic quotes become ASCII ones; models copy them from prose. */
    static String normalizeQuotes(String s) {
        return s.replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"").replaceAll("[\u2018\u2019\u201A\u201B\u2032]", "'");
    }

    private static void noteSurroundings(String text, int start, int end, List<String> warnings) {
        if (!isFenceOrBlank(text.substring(0, start))) {
            warnings.add("text before the JSON object ignored");
        }
        if (!isFenceOrBlank(text.substring(end))) {
            warnings.add("text after the JSON object ignored");
        }
    }

    private static boolean isFenceOrBlank(String s) {
        return s.replaceAll("```(json)?", "").isBlank();
    }

    /** Malformed input at a position; internal, turned into the checked exception above. */
    private static class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The input ended inside a value: the enclosing containers keep what they had. */
    private static final class EndOfInput extends Malformed {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super("output ends inside the JSON object");
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;
        private final List<String> warnings = new ArrayList<>();

        Reader(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        Map<String, Object> object(int depth) {
            checkDepth(depth);
            pos++; // the '{'
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    return truncated(map);
                }
                char c = s.charAt(pos);
                if (c == '}') {
                    pos++;
                    return map;
                }
                if (c == ',') { // trailing, doubled or leading commas are harmless
                    pos++;
                    continue;
                }
                try {
                    boolean quoted = c == '"' || c == '\'';
                    String key = key();
                    skipSpace();
                    if (pos < s.length() && (s.charAt(pos) == ':' || s.charAt(pos) == '=')) {
                        pos++;
                    } else if (!quoted && pos < s.length() && ",}".indexOf(s.charAt(pos)) >= 0) {
                        warnings.add("stray text ignored: " + key); // e.g. the "..." of Table 6's example
                        continue;
                    } else if (pos < s.length()) {
                        throw new Malformed("expected ':' after key " + key + " at " + pos);
                    }
                    Object value = value(depth);
                    if (map.containsKey(key)) {
                        warnings.add("duplicate key " + key + "; the first is kept");
                    } else {
                        map.put(key, value);
                    }
                } catch (EndOfInput e) {
                    return truncated(map);
                }
            }
        }

        private List<Object> array(int depth) {
            checkDepth(depth);
            pos++; // the '['
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw new EndOfInput();
                }
                char c = s.charAt(pos);
                if (c == ']') {
                    pos++;
                    return list;
                }
                if (c == ',') {
                    pos++;
                    continue;
                }
                list.add(value(depth));
            }
        }

        private Object value(int depth) {
            skipSpace();
            if (pos >= s.length()) {
                throw new EndOfInput();
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"', '\'' -> string(c);
                case '}', ']' -> throw new Malformed("missing value at " + pos);
                default -> literal(bare(",}]\n"));
            };
        }

        private String key() {
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                return string(c).strip();
            }
            String key = bare(":=,{}[]\n").strip();
            if (key.isEmpty()) {
                throw new Malformed("unexpected '" + s.charAt(pos) + "' at " + pos);
            }
            return key;
        }

        /** A quoted string; a quote closes it only if what follows can follow a string. */
        private String string(char quote) {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    sb.append(escape(s.charAt(pos++)));
                } else if (c == quote && closesString()) {
                    return sb.toString();
                } else {
                    sb.append(c);
                }
            }
            throw new EndOfInput();
        }

        private boolean closesString() {
            int i = pos;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i >= s.length() || ",:}]\r\n".indexOf(s.charAt(i)) >= 0;
        }

        private String escape(char c) {
            return switch (c) {
                case 'n' -> "\n";
                case 't' -> "\t";
                case 'r' -> "\r";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'u' -> unicode();
                default -> String.valueOf(c); // \" \\ \/ and anything a model invents
            };
        }

        private String unicode() {
            if (pos + 4 <= s.length() && s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                pos += 4;
                return String.valueOf((char) Integer.parseInt(s.substring(pos - 4, pos), 16));
            }
            return "u";
        }

        private String bare(String stops) {
            int begin = pos;
            while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(begin, pos);
        }

        private static Object literal(String word) {
            String w = word.strip();
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            return switch (lower) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null", "none" -> null;
                default -> NUMBER.matcher(w).matches() ? Double.valueOf(w) : w;
            };
        }

        private Map<String, Object> truncated(Map<String, Object> map) {
            if (warnings.stream().noneMatch(w -> w.startsWith("output ends"))) {
                warnings.add("output ends before the JSON object is closed; unfinished member dropped");
            }
            pos = s.length();
            return map;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void checkDepth(int depth) {
            if (depth > MAX_DEPTH) {
                throw new Malformed("nesting deeper than " + MAX_DEPTH);
            }
        }
    }
}
