package ai.seed.inference.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pixel work on accepted images: flattening, thumbnails and encoding (java.awt, headless).
 *
 * <p>Invariant: every image this class returns is a fresh {@code TYPE_INT_RGB} image, so models
 * and {@link Orientation} see one layout whatever the upload's colour model was.
 */
final class RgbImages {

    /** High enough that re-encoding after a rotation shows no visible loss. */
    static final float JPEG_QUALITY = 0.92f;

    private RgbImages() {
    }

    /** Any colour model to RGB; transparent pixels become white, as they look on a page. */
    static BufferedImage flattenOnWhite(BufferedImage source) {
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * Scaled so that the longest side is {@code side}, aspect kept; never enlarged (a smaller
     * image is returned as it is).
     */
    static BufferedImage fitWithin(BufferedImage rgb, int side) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (Math.max(w, h) <= side) {
            return rgb;
        }
        int targetW = w >= h ? side : Math.max(1, (int) Math.round((double) w * side / h));
        int targetH = h >= w ? side : Math.max(1, (int) Math.round((double) h * side / w));
        // One bilinear step from 4000 px to 256 px samples few source pixels and aliases;
        // halving first averages them all at little cost.
        BufferedImage current = rgb;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH
                ? current
                : scale(current, targetW, targetH);
    }

    /** JPEG for JPEG (at {@link #JPEG_QUALITY}), PNG for everything else: ImageIO writes no WebP. */
    static byte[] encode(BufferedImage rgb, ImageType type) {
        return type == ImageType.JPEG ? encodeJpeg(rgb) : encodePng(rgb);
    }

    static byte[] encodePng(BufferedImage rgb) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(rgb, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static byte[] encodeJpeg(BufferedImage rgb) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
