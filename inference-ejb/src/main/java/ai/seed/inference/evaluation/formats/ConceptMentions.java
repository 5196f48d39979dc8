package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.DatasetFormatException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates the datasets' spellings of a concept into the product's concept id and finds which
 * concepts a question is about.
 *
 * <p>Rules: LLaVA's {@code <image>} placeholder is dropped; {@code <sks>} and the bare word
 * {@code sks} (RAP) become {@code <name>} of the concept the entry belongs to; {@code <Name>} in
 * any case becomes {@code <name>} for a known concept. Afterwards every {@code <token>} spelled
 * like a concept name must be a known concept, so that a typo is an error rather than a question
 * about nobody.
 */
final class ConceptMentions {

    private static final Pattern IMAGE_PLACEHOLDER = Pattern.compile("<image>\\s*");
    private static final Pattern SKS_TOKEN = Pattern.compile("<sks>");
    private static final Pattern SKS_WORD = Pattern.compile("\\bsks\\b");
    private static final Pattern MENTION = Pattern.compile("<([^<>\\s]{1,64})>");

    private final Set<String> known;

    ConceptMentions(Collection<DatasetConcept> concepts) {
        this.known = concepts.stream().map(DatasetConcept::name).collect(Collectors.toSet());
    }

    boolean isKnown(String name) {
        return known.contains(name);
    }

    /** @param sksConcept the concept {@code sks} stands for, or null where the format has none */
    String translate(String question, String sksConcept) {
        String q = IMAGE_PLACEHOLDER.matcher(question).replaceAll("");
        if (sksConcept != null) {
            String id = Matcher.quoteReplacement("<" + sksConcept + ">");
            q = SKS_TOKEN.matcher(q).replaceAll(id);
            q = SKS_WORD.matcher(q).replaceAll(id);
        }
        Matcher m = MENTION.matcher(q);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String lower = m.group(1).toLowerCase(Locale.ROOT);
            String replacement = known.contains(lower) ? "<" + lower + ">" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** The known concepts a translated question names, in order of first mention. */
    List<String> mentioned(String translated, String entry) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        Matcher m = MENTION.matcher(translated);
        while (m.find()) {
            String name = m.group(1);
            if (!looksLikeConcept(name)) {
                continue; // not spelled like a concept id (e.g. "<A>"): ordinary text
            }
            if (!known.contains(name)) {
                throw new DatasetFormatException(entry, "the question names unknown concept <" + name + ">");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Reads every mention of an unknown concept as {@code owner}, for files in which each question
     * sits under its concept and the spelling inside it is known to be unreliable.
     *
     * @param corrected receives one "&lt;misspelt&gt;" per replaced mention
     */
    String ownerForUnknown(String translated, String owner, List<String> corrected) {
        Matcher m = MENTION.matcher(translated);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            boolean unknown = looksLikeConcept(name) && !known.contains(name);
            if (unknown) {
                corrected.add(m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(unknown ? "<" + owner + ">" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Spelled like a concept id in any case, two characters or more ("<A>" is an option, not a concept). */
    private static boolean looksLikeConcept(String name) {
        return name.length() >= 2 && DatasetConcept.NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
