package ai.seed.inference.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiPredicate;

/**
 * WebP test images. ImageIO cannot write WebP (TwelveMonkeys only reads it), so these are either
 * small well-known files or lossless (VP8L) images encoded here with the simplest legal coding.
 */
final class TestWebp {

    /** A 1x1 lossy (VP8) image of grey 0x828282: the sample browsers' WebP feature tests use. */
    static final byte[] LOSSY_GREY_1X1 =
            Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    /** A 1x1 lossless (VP8L) image of one fully transparent pixel, from the same feature tests. */
    static final byte[] LOSSLESS_TRANSPARENT_1X1 =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestWebp() {
    }

    /**
     * A lossless w x h image of two opaque colours, {@code b} where {@code useB} holds.
     *
     * <p>Encoding: no transforms, no colour cache, no meta prefix codes, and each of the five
     * prefix codes a "simple" code of one symbol (0 bits) or two (1 bit each, the smaller value
     * coded 0). So a channel in which the colours differ costs one bit per pixel, others nothing.
     */
    static byte[] twoColourLossless(int w, int h, int a, int b, BiPredicate<Integer, Integer> useB) {
        BitWriter bits = new BitWriter();
        bits.put(0x2F, 8); // VP8L signature
        bits.put(w - 1, 14).put(h - 1, 14).put(0, 1).put(0, 3); // size, alpha unused, version 0
        bits.put(0, 1).put(0, 1).put(0, 1); // no transform, no colour cache, no meta prefix codes
        int[] shifts = {8, 16, 0, 24}; // the channels in stream order: green, red, blue, alpha
        for (int shift : shifts) {
            simpleCode(bits, channel(a | 0xFF000000, shift), channel(b | 0xFF000000, shift));
        }
        simpleCode(bits, 0, 0); // distance codes: never used
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = (useB.test(x, y) ? b : a) | 0xFF000000;
                for (int shift : shifts) {
                    int ca = channel(a | 0xFF000000, shift);
                    int cb = channel(b | 0xFF000000, shift);
                    if (ca != cb) {
                        bits.put(channel(argb, shift) == Math.max(ca, cb) ? 1 : 0, 1);
                    }
                }
            }
        }
        return riff("VP8L", bits.toByteArray());
    }

    private static void simpleCode(BitWriter bits, int first, int second) {
        bits.put(1, 1); // simple code
        if (first == second) {
            bits.put(0, 1).put(1, 1).put(first, 8); // one symbol, written in 8 bits
        } else {
            bits.put(1, 1).put(1, 1).put(Math.min(first, second), 8).put(Math.max(first, second), 8);
        }
    }

    private static int channel(int argb, int shift) {
        return (argb >>> shift) & 0xFF;
    }

    private static byte[] riff(String chunk, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pad = data.length % 2;
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, 4 + 8 + data.length + pad);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk.getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, data.length);
        out.writeBytes(data);
        if (pad == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
    }

    /** VP8L packs bits least significant first. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long pending;
        private int count;

        BitWriter put(int value, int width) {
            pending |= (value & ((1L << width) - 1)) << count;
            count += width;
            while (count >= 8) {
                out.write((int) pending);
                pending >>>= 8;
                count -= 8;
            }
            return this;
        }

        byte[] toByteArray() {
            if (count > 0) {
                out.write((int) pending);
            }
            return out.toByteArray();
        }
    }
}
