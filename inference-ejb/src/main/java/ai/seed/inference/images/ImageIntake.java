package ai.seed.inference.images;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The one way images enter Seed (concept reference images and chat photos): validates an upload
 * before anything is stored or sent to a model, and returns it upright with a thumbnail.
 *
 * <p>The checks run cheapest first, and none decodes a pixel before the header's size is known
 * to be within the limits: empty, byte size, type from the magic bytes, header dimensions
 * (pixels, longest side, shortest side), then the full decode. Every failure is an
 * {@link ImageRejectedException} with a stable reason; no other exception escapes for bad input.
 *
 * <p>Memory: an accepted image is decoded once, whole (its decoder's own buffer, then 4 bytes
 * per pixel as RGB, then as much again if it has to be turned), so the limits' maxPixels bounds
 * what one upload can take: about 0.5 GB at the default 40 megapixels in the worst case.
 */
public final class ImageIntake {

    private ImageIntake() {
    }

    public static AcceptedImage accept(byte[] bytes, ImageLimits limits) {
        Objects.requireNonNull(limits, "limits");
        if (bytes == null || bytes.length == 0) {
            throw ImageRejectedException.empty();
        }
        if (bytes.length > limits.maxBytes()) {
            throw ImageRejectedException.tooLarge(bytes.length, limits.maxBytes());
        }
        ImageType type = ImageSniffer.sniff(bytes)
                .orElseThrow(() -> ImageRejectedException.unsupported(ImageSniffer.describe(bytes)));
        // Only JPEG: phones write EXIF orientation there; PNG and WebP uploads come upright.
        Orientation orientation = type == ImageType.JPEG ? ExifOrientation.read(bytes) : Orientation.NORMAL;

        BufferedImage stored = HeaderFirstDecoder.decode(bytes, type,
                (w, h) -> checkSize(w, h, orientation, limits));
        BufferedImage upright = orientation.apply(stored);
        byte[] toStore = orientation == Orientation.NORMAL ? bytes : RgbImages.encode(upright, type);
        byte[] thumbnail = RgbImages.encodePng(RgbImages.fitWithin(upright, limits.thumbnailSide()));
        return new AcceptedImage(type, type.mimeType(), upright.getWidth(), upright.getHeight(), sha256(bytes),
                toStore, thumbnail);
    }

    /** The header's size against the limits; messages give it upright, as the user sees it. */
    private static void checkSize(int width, int height, Orientation orientation, ImageLimits limits) {
        int w = orientation.swapsSides() ? height : width;
        int h = orientation.swapsSides() ? width : height;
        if ((long) w * h > limits.maxPixels()) {
            throw ImageRejectedException.tooManyPixels(w, h, limits.maxPixels());
        }
        if (Math.max(w, h) > limits.maxSide()) {
            throw ImageRejectedException.sideTooLong(w, h, limits.maxSide());
        }
        if (Math.min(w, h) < limits.minSide()) {
            throw ImageRejectedException.tooSmall(w, h, limits.minSide());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
