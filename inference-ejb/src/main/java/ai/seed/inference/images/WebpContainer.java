package ai.seed.inference.images;

/**
 * Checks that a WebP file is all there: the RIFF header's length, and each chunk's, fit the bytes.
 *
 * <p>Why: the TwelveMonkeys decoder pads a bit stream that ends early with zeros and returns a
 * complete-looking image, so a truncated upload would be accepted with its lower part blank.
 * RIFF states every length up front, which makes truncation visible before decoding.
 */
final class WebpContainer {

    private static final int RIFF_HEADER = 12; // "RIFF", length, "WEBP"
    private static final int CHUNK_HEADER = 8; // fourcc, length

    private WebpContainer() {
    }

    static boolean isComplete(byte[] b) {
        if (b.length < RIFF_HEADER + CHUNK_HEADER) {
            return false;
        }
        long riffEnd = 8 + u32(b, 4); // the length counts from after itself
        if (riffEnd > b.length || riffEnd < RIFF_HEADER + CHUNK_HEADER) {
            return false;
        }
        long pos = RIFF_HEADER;
        while (pos < riffEnd) {
            if (pos + CHUNK_HEADER > riffEnd) {
                return false;
            }
            long size = u32(b, (int) pos + 4);
            long dataEnd = pos + CHUNK_HEADER + size;
            if (dataEnd > riffEnd) {
                return false;
            }
            pos = dataEnd + (size & 1); // chunks are padded to an even length
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
