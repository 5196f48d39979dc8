package ai.seed.inference.images;

/**
 * Reads the EXIF orientation of a JPEG: the first APP1 "Exif" segment, its TIFF header (II or MM
 * byte order), IFD0, tag 0x0112. No metadata library: this is the only tag Seed needs.
 *
 * <p>Invariant: never throws for any input. Anything malformed (truncated segments, offsets past
 * the segment, wrong types, values outside 1..8) reads as {@link Orientation#NORMAL}, because bad
 * metadata is common and must not cost the user an upload.
 */
final class ExifOrientation {

    private static final int SOI_LENGTH = 2;
    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int IFD_ENTRY_SIZE = 12;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    static Orientation read(byte[] jpeg) {
        return Orientation.fromExif(orientationValue(jpeg));
    }

    /** Walks the marker segments before the image data; 1 when there is no usable Exif segment. */
    private static int orientationValue(byte[] b) {
        int pos = SOI_LENGTH;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte before a marker
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return 1; // metadata segments all come before the scan
            }
            int end = pos + 2 + u16(b, pos + 2, false);
            if (end < pos + 4 || end > b.length) {
                return 1;
            }
            if (marker == APP1 && startsWith(b, pos + 4, EXIF_HEADER)) {
                return fromTiff(b, pos + 4 + EXIF_HEADER.length, end);
            }
            pos = end; // e.g. an XMP APP1 or a JFIF APP0: keep looking
        }
        return 1;
    }

    /** {@code tiff} is where the TIFF header starts; its offsets count from there. */
    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifdOffset = u32(b, tiff + 4, little);
        if (u16(b, tiff + 2, little) != 42 || ifdOffset < 8 || ifdOffset > end - tiff - 2) {
            return 1;
        }
        int ifd = tiff + (int) ifdOffset;
        int count = u16(b, ifd, little);
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + i * IFD_ENTRY_SIZE;
            if (entry + IFD_ENTRY_SIZE > end) {
                return 1;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION) {
                boolean wellFormed = u16(b, entry + 2, little) == TYPE_SHORT && u32(b, entry + 4, little) == 1;
                // A single SHORT sits in the first two bytes of the value field.
                return wellFormed ? u16(b, entry + 8, little) : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | second << 8 : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long first = u16(b, at, little);
        long second = u16(b, at + 2, little);
        return little ? first | second << 16 : first << 16 | second;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
