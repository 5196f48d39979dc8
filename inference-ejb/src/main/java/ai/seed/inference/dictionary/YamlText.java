package ai.seed.inference.dictionary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small block-style YAML writer for the training bundle (the project has no YAML library at run
 * time). Input is a tree of ordered {@link Map}s with string keys, {@link List}s, strings, integers,
 * doubles, booleans and {@link Literal} blocks; output is deterministic text.
 *
 * <p>Quoting is conservative so that YAML 1.1 readers (PyYAML / OmegaConf in LLaMA-Factory, the
 * Kubernetes Go parser) and YAML 1.2 readers agree: a string is written plain only when it starts
 * with a letter, {@code _}, {@code .} or {@code /}, holds nothing but letters, digits and
 * {@code _ . / -}, and is no boolean, null or special float of either version ({@code no},
 * {@code on}, {@code y}, {@code .inf}...). Everything else is double-quoted with escapes (numbers
 * as strings, {@code "1"}, quantities such as {@code "32Gi"}, URLs, text with spaces).
 */
final class YamlText {

    /** A multi-line string written as a literal block ({@code |}), e.g. a shell script. */
    record Literal(String text) {
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_./][A-Za-z0-9_./-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            ".inf", ".nan", "-.inf", "+.inf");

    private YamlText() {
    }

    /** One mapping at the top level, each line ending with a newline. */
    static String document(Map<String, ?> map) {
        StringBuilder out = new StringBuilder();
        mapping(out, map, 0);
        return out.toString();
    }

    /** {@code # text} lines for each line of {@code text}. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.toString();
    }

    static String scalar(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return decimal(d);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        throw new IllegalArgumentException("not a YAML scalar: " + (value == null ? "null" : value.getClass()));
    }

    /** Plain if unambiguous in YAML 1.1 and 1.2, else double-quoted. */
    static String string(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** A finite double as a plain decimal with a point: 5e-5 becomes 0.00005, 3 becomes 3.0. */
    static String decimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static void mapping(StringBuilder out, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            out.append(" ".repeat(indent)).append(string(e.getKey())).append(':');
            value(out, e.getValue(), indent);
        }
    }

    /** Writes what follows "key:" or "-": a scalar on the same line, or a nested block. */
    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                mapping(out, cast(m), indent + 2);
            }
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                sequence(out, l, indent + 2);
            }
        } else if (value instanceof Literal literal) {
            literal(out, literal.text(), indent + 2);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static void sequence(StringBuilder out, List<?> list, int indent) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                // first entry on the dash line, the others aligned under it
                StringBuilder nested = new StringBuilder();
                mapping(nested, cast(m), indent + 2);
                out.append(' ').append(nested.substring(indent + 2));
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                out.append('\n');
                sequence(out, l, indent + 2);
            } else {
                value(out, item, indent);
            }
        }
    }

    /**
     * {@code |} (one final newline) or {@code |-} (none); text whose first line starts with a space,
     * that ends in several newlines or holds characters a block cannot carry is double-quoted.
     */
    private static void literal(StringBuilder out, String text, int indent) {
        boolean oneNewline = text.endsWith("\n") && !text.endsWith("\n\n");
        String body = oneNewline ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty() || body.startsWith(" ") || body.endsWith("\n") || !blockSafe(body)) {
            out.append(' ').append(quoted(text)).append('\n');
            return;
        }
        out.append(oneNewline ? " |\n" : " |-\n");
        for (String line : body.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append('\n');
        }
    }

    private static boolean blockSafe(String body) {
        return body.chars().allMatch(c -> c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && c != 0x85
                && c != 0x2028 && c != 0x2029 && c != 0xfeff && c != '\r');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("YAML keys must be strings: " + key);
            }
        }
        return (Map<String, ?>) m;
    }
}
