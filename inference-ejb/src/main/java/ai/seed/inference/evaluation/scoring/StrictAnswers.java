package ai.seed.inference.evaluation.scoring;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict answer rules: an answer counts only when it IS the answer, not when it merely
 * contains it (the reference code's "the letter appears somewhere" accepts almost any sentence,
 * since "a" occurs in most of them).
 *
 * <p>Recognition: the first word of the reply, ignoring leading white space, quotes and markdown
 * emphasis ({@code " ' * _ `}), compared case-insensitively with "yes" or "no"; a word is a run
 * of letters, so "Yes." and "No, it is not" count but "Yesterday" and "Not sure" do not.
 *
 * <p>Multiple choice: after trimming white space and one final period, the whole reply must be
 * one of
 * <ol>
 *   <li>the option letter, upper case, bare or tightly wrapped: {@code B}, {@code (B)},
 *       {@code B.}, {@code B)}, {@code B:};</li>
 *   <li>that, preceded by {@code Answer:}, {@code Answer is}, {@code The answer is},
 *       {@code The correct answer is} or {@code Option} (any case, optional colon):
 *       {@code Answer: B}, {@code The answer is (B).};</li>
 *   <li>either of those followed by exactly that option's text: {@code B. Dog}, {@code (B) Dog};</li>
 *   <li>exactly the text of one option, compared ignoring case, repeated white space and a final
 *       period: {@code dog} for option B "Dog".</li>
 * </ol>
 * A letter that is not one of the item's options, a letter followed by another option's text, or
 * two options with the same text, extract nothing.
 */
public final class StrictAnswers {

    private static final Pattern FIRST_WORD = Pattern.compile("^[\\s\"'*_`]*(\\p{L}+)");
    private static final Pattern LETTER_REPLY = Pattern.compile(
            "^(?:(?i:(?:the\\s+)?(?:correct\\s+)?answer(?:\\s+is)?\\s*:?|option\\s*:?)\\s*)?"
                    + "(?:\\(([A-Z])\\)|([A-Z])[.):]?)(?:\\s+(.+))?$", Pattern.DOTALL);

    private StrictAnswers() {
    }

    /** "Yes", "No" or null when the reply's first word is neither. */
    public static String recognition(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = FIRST_WORD.matcher(reply);
        if (!m.find()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        return switch (word) {
            case "yes" -> "Yes";
            case "no" -> "No";
            default -> null;
        };
    }

    /** The option letter the reply is, or null (see the class comment for the accepted forms). */
    public static String choice(String reply, Map<String, String> options) {
        if (reply == null) {
            return null;
        }
        String trimmed = dropFinalPeriod(reply.strip());
        Matcher m = LETTER_REPLY.matcher(trimmed);
        if (m.matches()) {
            String letter = m.group(1) != null ? m.group(1) : m.group(2);
            String rest = m.group(3);
            if (options.containsKey(letter)
                    && (rest == null || normalise(rest).equals(normalise(options.get(letter))))) {
                return letter;
            }
        }
        return byOptionText(trimmed, options);
    }

    private static String byOptionText(String reply, Map<String, String> options) {
        String wanted = normalise(reply);
        String found = null;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (normalise(option.getValue()).equals(wanted)) {
                if (found != null) {
                    return null; // two options read the same: the reply does not pick one
                }
                found = option.getKey();
            }
        }
        return found;
    }

    /** Lower case, single spaces, no final period: "  Shiba  Inu. " and "shiba inu" are the same text. */
    static String normalise(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return dropFinalPeriod(collapsed).strip();
    }

    private static String dropFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
