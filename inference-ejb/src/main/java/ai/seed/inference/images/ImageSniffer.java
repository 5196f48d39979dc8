package ai.seed.inference.images;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an image's type from its first bytes (magic numbers) only.
 *
 * <p>Invariant: file names and declared Content-Types are never consulted; they are chosen by the
 * uploader, the bytes are what decoders actually see. A file whose head is not one of the allowed
 * signatures (including polyglots that start as another format) is not an allowed image.
 */
public final class ImageSniffer {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");

    /** Enough of the head to recognise markup after a byte-order mark and some white space. */
    private static final int TEXT_WINDOW = 512;

    private ImageSniffer() {
    }

    /** The allowed type the bytes start with, if any; {@code head} may be the whole file. */
    public static Optional<ImageType> sniff(byte[] head) {
        if (head == null) {
            return Optional.empty();
        }
        if (startsWith(head, 0, JPEG)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(head, 0, PNG)) {
            return Optional.of(ImageType.PNG);
        }
        // RIFF is a container: only the form type at offset 8 says it holds a WebP image.
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return Optional.of(ImageType.WEBP);
        }
        return Optional.empty();
    }

    /**
     * A friendly name of what the bytes look like, for rejection messages: the allowed types, or
     * GIF, BMP, TIFF, HEIC/AVIF, PDF, SVG/XML, HTML; "empty" or "unknown" otherwise.
     */
    public static String describe(byte[] head) {
        if (head == null || head.length == 0) {
            return "empty";
        }
        Optional<ImageType> allowed = sniff(head);
        if (allowed.isPresent()) {
            return allowed.get().name();
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return "GIF";
        }
        if (startsWith(head, 0, ascii("BM"))) {
            return "BMP";
        }
        if (startsWith(head, 0, ascii("II*\0")) || startsWith(head, 0, ascii("MM\0*"))) {
            return "TIFF";
        }
        if (startsWith(head, 0, ascii("%PDF-"))) {
            return "PDF";
        }
        if (isHeifFamily(head)) {
            return "HEIC/AVIF";
        }
        return describeMarkup(head);
    }

    /** ISO base media files: "ftyp" at offset 4, then the brand. Phones upload these a lot. */
    private static boolean isHeifFamily(byte[] head) {
        if (!startsWith(head, 4, ascii("ftyp")) || head.length < 12) {
            return false;
        }
        String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
        return switch (brand) {
            case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis" -> true;
            default -> false;
        };
    }

    private static String describeMarkup(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, TEXT_WINDOW), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "") // a UTF-8 byte-order mark, read as Latin-1
                .strip()
                .toLowerCase(Locale.ROOT);
        if (!text.startsWith("<")) {
            return "unknown";
        }
        // Look for the root element rather than the first tag: SVGs often open with <?xml or a comment.
        if (text.contains("<svg")) {
            return "SVG/XML";
        }
        if (text.contains("<html") || text.contains("<!doctype html")) {
            return "HTML";
        }
        return text.startsWith("<?xml") ? "SVG/XML" : "unknown";
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
