package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.ADAPTER_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_INVALID;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_MISSING_FILE;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_UNSAFE_PATH;
import static ai.seed.inference.adapters.AdapterRejectedException.CONFIG_TOO_LARGE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Turns an operator's upload into an {@link UnpackedAdapter}: a fresh scratch folder holding the
 * two adapter files under names Seed chooses, whatever the upload calls its paths. A zip is
 * spooled to the scratch folder (at most {@link AdapterLimits#maxArchiveBytes()}) and read through
 * its central directory; it is refused when an entry name is unsafe (absolute, "..", a drive
 * letter, a backslash, control characters), when it holds a symbolic link or more than
 * {@link AdapterLimits#maxEntries()} entries, or when a file inflates past its limit (counted on
 * the bytes inflated, never taken from the headers). The two files may sit at the top or inside
 * one top-level folder; {@code __MACOSX/}, {@code .DS_Store} and {@code ._*} are skipped silently,
 * other files (README.md, training_args.bin, tokenizer files) are skipped with a warning. On any
 * failure nothing stays on disk.
 */
public final class AdapterArchive {

    static final String CONFIG = PeftAdapterConfig.FILE_NAME;
    static final String WEIGHTS = AdapterValidator.WEIGHTS_FILE;
    private static final String SPOOL = ".upload.zip";

    private final Path scratchParent;
    private final AdapterLimits limits;

    /** {@code scratchParent}: where scratch folders go (the store's, so they can be renamed into it); null = system temp. */
    public AdapterArchive(Path scratchParent, AdapterLimits limits) {
        this.scratchParent = scratchParent;
        this.limits = limits;
    }

    public AdapterArchive() {
        this(null, AdapterLimits.defaults());
    }

    /** Unpacks a zip upload; the stream is read to its end, not closed. */
    public UnpackedAdapter fromZip(InputStream zip) throws IOException {
        Path dir = ScratchFiles.newScratchDir(scratchParent, "seed-adapter-");
        try {
            Path spool = dir.resolve(SPOOL);
            ScratchFiles.copyBounded(zip, spool, limits.maxArchiveBytes(), () -> new AdapterRejectedException(
                    ARCHIVE_TOO_LARGE, "the upload is larger than " + AdapterLimits.describe(limits.maxArchiveBytes())));
            refuseLinks(spool);
            List<String> warnings = extract(spool, dir);
            Files.delete(spool);
            return new UnpackedAdapter(dir, warnings);
        } catch (IOException | RuntimeException e) {
            ScratchFiles.deleteTree(dir);
            throw e;
        }
    }

    /** The two files as separate streams (e.g. two multipart fields); the streams are not closed. */
    public UnpackedAdapter fromFiles(InputStream config, InputStream weights) throws IOException {
        return fromFiles(config, weights, List.of());
    }

    /**
     * Parts named by their uploaded file names (only the last path segment counts): the two adapter
     * files are taken, others ignored with a warning.
     */
    public UnpackedAdapter fromParts(Map<String, InputStream> partsByFileName) throws IOException {
        Map<String, InputStream> byName = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        partsByFileName.forEach((name, stream) -> {
            String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            if (base.equals(CONFIG) || base.equals(WEIGHTS)) {
                byName.put(base, stream);
            } else {
                warnings.add("ignored " + EntryNames.printable(name));
            }
        });
        if (!byName.containsKey(CONFIG) || !byName.containsKey(WEIGHTS)) {
            throw missing(byName.containsKey(CONFIG) ? WEIGHTS : CONFIG, List.copyOf(partsByFileName.keySet()));
        }
        return fromFiles(byName.get(CONFIG), byName.get(WEIGHTS), warnings);
    }

    private UnpackedAdapter fromFiles(InputStream config, InputStream weights, List<String> warnings) throws IOException {
        Path dir = ScratchFiles.newScratchDir(scratchParent, "seed-adapter-");
        try {
            copyConfig(config, dir);
            copyWeights(weights, dir);
            return new UnpackedAdapter(dir, warnings);
        } catch (IOException | RuntimeException e) {
            ScratchFiles.deleteTree(dir);
            throw e;
        }
    }

    private static void refuseLinks(Path spool) throws IOException {
        List<String> links = ZipLinks.symlinks(spool);
        if (!links.isEmpty()) {
            throw new AdapterRejectedException(ARCHIVE_UNSAFE_PATH, "the zip holds the symbolic link '"
                    + EntryNames.printable(links.get(0)) + "'; zip the files themselves (links are refused)");
        }
    }

    private List<String> extract(Path spool, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(spool.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new AdapterRejectedException(ARCHIVE_TOO_LARGE, "the zip has " + zip.size()
                        + " entries; at most " + limits.maxEntries() + " are accepted");
            }
            Map<String, ZipEntry> files = EntryNames.files(Collections.list(zip.entries()));
            String root = EntryNames.root(files.keySet(), CONFIG, WEIGHTS);
            ZipEntry config = files.get(root + CONFIG);
            ZipEntry weights = files.get(root + WEIGHTS);
            if (config == null || weights == null) {
                throw missing(config == null ? CONFIG : WEIGHTS, List.copyOf(files.keySet()));
            }
            checkClaimedSize(weights, limits.maxWeightsBytes(), ADAPTER_TOO_LARGE);
            checkClaimedSize(config, limits.maxConfigBytes(), CONFIG_TOO_LARGE);
            try (InputStream in = zip.getInputStream(config)) {
                copyConfig(in, dir);
            }
            try (InputStream in = zip.getInputStream(weights)) {
                copyWeights(in, dir);
            }
            return files.keySet().stream().filter(n -> !n.equals(root + CONFIG) && !n.equals(root + WEIGHTS))
                    .map(n -> "ignored " + EntryNames.printable(n)).toList();
        } catch (ZipException e) {
            throw new AdapterRejectedException(ARCHIVE_INVALID, "the upload is not a readable zip file ("
                    + e.getMessage() + ")", e);
        }
    }

    /** A shortcut only: a header that admits being too large is refused before inflating anything. */
    private static void checkClaimedSize(ZipEntry entry, long max, String code) {
        if (entry.getSize() > max) {
            throw new AdapterRejectedException(code, "zip entry '" + EntryNames.printable(entry.getName()) + "' claims "
                    + entry.getSize() + " bytes; the limit is " + AdapterLimits.describe(max));
        }
    }

    private void copyConfig(InputStream in, Path dir) throws IOException {
        ScratchFiles.copyBounded(in, dir.resolve(CONFIG), limits.maxConfigBytes(), () -> new AdapterRejectedException(
                CONFIG_TOO_LARGE, CONFIG + " is larger than " + AdapterLimits.describe(limits.maxConfigBytes())));
    }

    private void copyWeights(InputStream in, Path dir) throws IOException {
        ScratchFiles.copyBounded(in, dir.resolve(WEIGHTS), limits.maxWeightsBytes(), () -> new AdapterRejectedException(
                ADAPTER_TOO_LARGE, WEIGHTS + " is larger than " + AdapterLimits.describe(limits.maxWeightsBytes())));
    }

    private static AdapterRejectedException missing(String name, List<String> found) {
        List<String> shown = found.stream().limit(20).map(EntryNames::printable).toList();
        String pickle = found.stream().anyMatch(n -> n.endsWith("adapter_model.bin"))
                ? "; adapter_model.bin (pickle) is refused: save with safe_serialization=True" : "";
        return new AdapterRejectedException(ARCHIVE_MISSING_FILE, "the upload has no " + name + " (found: "
                + (shown.isEmpty() ? "nothing" : String.join(", ", shown)) + (found.size() > 20 ? ", ..." : "") + ")"
                + pickle);
    }
}
