package ai.seed.inference.evaluation.runs;

import ai.seed.inference.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded dataset zip into a fresh temp folder, refusing what could harm the server:
 * entries that would land outside the folder (zip slip: absolute paths, "..", drive letters),
 * more than {@code maxEntries} entries, or more than {@code maxTotalBytes} once inflated (zip
 * bombs; counted while inflating, never trusted from the headers). Symbolic links cannot be
 * created from a zip stream. The caller deletes the folder.
 */
final class SafeUnzip {

    static final int MAX_ENTRIES = 20_000;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private final int maxEntries;
    private final long maxTotalBytes;

    SafeUnzip(int maxEntries, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxTotalBytes = maxTotalBytes;
    }

    static SafeUnzip defaults() {
        return new SafeUnzip(MAX_ENTRIES, MAX_TOTAL_BYTES);
    }

    Path unzip(InputStream zip) throws IOException {
        Path root = Files.createTempDirectory("seed-eval-");
        try {
            extract(zip, root);
            return root;
        } catch (IOException | RuntimeException e) {
            Folders.deleteQuietly(root);
            throw e;
        }
    }

    private void extract(InputStream zip, Path root) throws IOException {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = nextEntry(in)) != null) {
                if (++entries > maxEntries) {
                    throw tooLarge("the zip has more than " + maxEntries + " entries");
                }
                if (isLitter(entry.getName())) {
                    continue; // macOS resource forks and Finder files: never part of a dataset
                }
                Path target = resolve(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxTotalBytes) {
                            throw tooLarge("the zip inflates to more than " + (maxTotalBytes >> 20) + " MiB");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw ServiceException.invalid("bad-zip", "the upload is not a readable zip file (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw ServiceException.invalid("bad-zip", "the upload is not a zip file or has no entries");
        }
    }

    private static ZipEntry nextEntry(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-zip", "a zip entry name is not valid (" + e.getMessage() + ")");
        }
    }

    static boolean isLitter(String name) {
        String last = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        last = last.substring(last.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || name.equals("__MACOSX/") || last.equals(".DS_Store")
                || last.startsWith("._");
    }

    static Path resolve(Path root, String name) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || normalized.contains("\u0000")) {
            throw ServiceException.invalid("zip-slip", "zip entry '" + printable(name) + "' has an absolute path");
        }
        Path target = root.resolve(normalized).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw ServiceException.invalid("zip-slip", "zip entry '" + printable(name) + "' points outside the dataset");
        }
        return target;
    }

    private static String printable(String name) {
        String shown = name.length() > 120 ? name.substring(0, 120) + "..." : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static ServiceException tooLarge(String why) {
        return new ServiceException(ServiceException.Kind.TOO_LARGE, "dataset-too-large", why);
    }
}
