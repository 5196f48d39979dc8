package ai.seed.inference.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Test images made in code (no binary fixtures), and the byte surgery the intake tests need. */
final class TestImageBytes {

    static final Color TOP_LEFT = Color.RED;
    static final Color TOP_RIGHT = Color.GREEN;
    static final Color BOTTOM_LEFT = Color.BLUE;
    static final Color BOTTOM_RIGHT = Color.YELLOW;

    private TestImageBytes() {
    }

    /** Four coloured quadrants, so any turn or flip is visible in the corners. */
    static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        fill(g, TOP_LEFT, 0, 0, w / 2, h / 2);
        fill(g, TOP_RIGHT, w / 2, 0, w - w / 2, h / 2);
        fill(g, BOTTOM_LEFT, 0, h / 2, w / 2, h - h / 2);
        fill(g, BOTTOM_RIGHT, w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        return img;
    }

    /** Random pixels: compresses badly, so the pixel data is most of the file. */
    static BufferedImage noise(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return img;
    }

    static byte[] png(BufferedImage img) {
        return write(img, "png");
    }

    /** ImageIO writes JFIF (an APP0 segment right after SOI), without EXIF. */
    static byte[] jpeg(BufferedImage img) {
        return write(img, "jpeg");
    }

    static byte[] pngOf(int w, int h) {
        return png(quadrants(w, h));
    }

    static byte[] jpegOf(int w, int h) {
        return jpeg(quadrants(w, h));
    }

    /** Splices a marker segment in right after the JPEG's SOI. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        byte[] segment = segment(marker, payload);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] withExifOrientation(byte[] jpeg, int orientation, ByteOrder order) {
        return withSegmentAfterSoi(jpeg, 0xE1, exifPayload(orientation, order));
    }

    /** "Exif\0\0", a TIFF header, and IFD0 holding one entry: orientation as a single SHORT. */
    static byte[] exifPayload(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        return concat(new byte[] {'E', 'x', 'i', 'f', 0, 0}, tiff.array());
    }

    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    /** Rewrites the IHDR width and height (and its CRC) of a PNG: the pixel data stays as it was. */
    static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched); // PNG is big-endian
        // signature (8), IHDR length (4), "IHDR" at 12, width at 16, height at 20, CRC at 29
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return patched;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a (possibly JPEG-blurred) pixel is close to the expected colour. */
    static boolean near(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    private static void fill(Graphics2D g, Color colour, int x, int y, int w, int h) {
        g.setColor(colour);
        g.fillRect(x, y, w, h);
    }

    private static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
