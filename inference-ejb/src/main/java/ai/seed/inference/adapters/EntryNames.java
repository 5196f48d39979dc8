package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_INVALID;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_UNSAFE_PATH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * Zip entry names: which are unsafe, which are operating-system litter, and where the adapter's
 * folder is. Names are only compared, never used as paths: the files are written under fixed
 * names, so refusing unsafe names is about refusing hostile uploads, not about containment.
 */
final class EntryNames {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private EntryNames() {
    }

    /** The regular files by normalized name ("./a//b" -> "a/b"), litter left out; refuses unsafe or repeated names. */
    static Map<String, ZipEntry> files(Collection<? extends ZipEntry> entries) {
        Map<String, ZipEntry> files = new LinkedHashMap<>();
        for (ZipEntry entry : entries) {
            String name = normalize(entry.getName());
            if (entry.isDirectory() || name.isEmpty() || litter(name)) {
                continue;
            }
            if (files.put(name, entry) != null) {
                throw new AdapterRejectedException(ARCHIVE_INVALID, "the zip holds '" + printable(name) + "' twice");
            }
        }
        return files;
    }

    static String normalize(String name) {
        String why = unsafe(name);
        if (why != null) {
            throw new AdapterRejectedException(ARCHIVE_UNSAFE_PATH, "zip entry '" + printable(name) + "' " + why);
        }
        return Arrays.stream(name.split("/")).filter(s -> !s.isEmpty() && !s.equals("."))
                .collect(Collectors.joining("/"));
    }

    private static String unsafe(String name) {
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (DRIVE_LETTER.matcher(name).matches()) {
            return "starts with a drive letter";
        }
        if (CONTROL.matcher(name).find()) {
            return "contains control characters";
        }
        if (List.of(name.split("/")).contains("..")) {
            return "climbs out of its folder with '..'";
        }
        return null;
    }

    private static boolean litter(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || last.equals(".DS_Store") || last.startsWith("._");
    }

    /**
     * "" when the adapter files are at the top (or nothing says otherwise), "folder/" when every
     * file sits inside the one top-level folder "folder".
     */
    static String root(Set<String> names, String... adapterFiles) {
        if (names.isEmpty() || List.of(adapterFiles).stream().anyMatch(names::contains)) {
            return "";
        }
        List<String> tops = new ArrayList<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            if (slash < 0) {
                return "";
            }
            tops.add(name.substring(0, slash));
        }
        return tops.stream().distinct().count() == 1 ? tops.get(0) + "/" : "";
    }

    /** For messages: at most 120 characters, control characters shown as '?'. */
    static String printable(String name) {
        String shown = name.length() > 120 ? name.substring(0, 120) + "..." : name;
        return CONTROL.matcher(shown).replaceAll("?");
    }
}
