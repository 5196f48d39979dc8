package ai.seed.inference.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image of a known type in two steps: the header's width and height go to a
 * {@link SizeCheck} first, and pixels are decoded only if it lets them through. A decompression
 * bomb (a few KiB declaring 30000x30000) is thus refused before its pixel buffer is allocated.
 *
 * <p>Invariants: the result is a complete {@code TYPE_INT_RGB} image or an
 * {@link ImageRejectedException} ({@code CORRUPT} for anything the decoder chokes on), never a
 * partial image and never another exception; no temporary files are written; the reader is
 * always disposed of.
 *
 * <p>Truncation is caught by each format's own means: the PNG decoder throws, the JPEG decoder
 * warns (see {@link DamageWarnings}), and WebP is checked against its RIFF lengths first
 * ({@link WebpContainer}), because its decoder does neither.
 */
final class HeaderFirstDecoder {

    /** Sees the header's dimensions before any pixel is decoded; throws to refuse them. */
    @FunctionalInterface
    interface SizeCheck {
        void check(int width, int height);
    }

    private HeaderFirstDecoder() {
    }

    static BufferedImage decode(byte[] bytes, ImageType type, SizeCheck sizeCheck) {
        if (type == ImageType.WEBP && !WebpContainer.isComplete(bytes)) {
            throw ImageRejectedException.corrupt(type, new IIOException("the RIFF lengths exceed the file"));
        }
        ImageReader reader = ImageReaders.readerFor(type);
        // Built directly rather than by ImageIO.createImageInputStream, which would buffer in a
        // temporary file unless the JVM-wide ImageIO.setUseCache(false) happens to be in force.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = headerValue(reader, type, true);
            int height = headerValue(reader, type, false);
            sizeCheck.check(width, height);
            return RgbImages.flattenOnWhite(pixels(reader, type, width, height));
        } catch (IOException closing) {
            throw ImageRejectedException.corrupt(type, closing);
        } finally {
            reader.dispose();
        }
    }

    private static int headerValue(ImageReader reader, ImageType type, boolean width) {
        try {
            return width ? reader.getWidth(0) : reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw ImageRejectedException.corrupt(type, e);
        }
    }

    private static BufferedImage pixels(ImageReader reader, ImageType type, int width, int height) {
        DamageWarnings warnings = new DamageWarnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage decoded;
        try {
            decoded = reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Plugins throw all sorts for bad data (IIOException, EOFException, array indices).
            throw ImageRejectedException.corrupt(type, e);
        }
        if (warnings.first != null) {
            throw ImageRejectedException.corrupt(type, new IIOException(warnings.first));
        }
        if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height) {
            throw ImageRejectedException.corrupt(type, new IIOException("decoded size differs from the header"));
        }
        return decoded;
    }

    /**
     * The JDK's JPEG decoder reports a truncated file or damaged entropy data only as a warning,
     * then fills the rest with grey; such a warning therefore means a partial image. The one
     * exception is libjpeg's "extraneous bytes before marker": stray bytes between segments,
     * skipped with the image data complete, and common enough in real photos to let through.
     */
    private static final class DamageWarnings implements IIOReadWarningListener {

        private String first;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = String.valueOf(warning);
            if (first == null && !text.contains("extraneous bytes")) {
                first = text;
            }
        }
    }
}
