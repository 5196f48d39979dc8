package ai.seed.inference.images;

import ai.seed.inference.model.ImageData;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An upload that passed {@link ImageIntake}: safe to store, to show and to hand to a model.
 *
 * <p>Invariants: {@code bytes} is a complete image of {@code type} ({@code mimeType} is always
 * {@code type.mimeType()}) that decodes to {@code width x height}, upright; {@code thumbnail} is a
 * PNG of it. {@code sha256} is the hex digest of the bytes as uploaded, which differ from
 * {@code bytes} when an EXIF orientation was applied; it identifies the upload, e.g. to spot
 * duplicates. The arrays are copied in and out, so an instance never changes.
 *
 * @param type      the format of {@code bytes}
 * @param mimeType  {@code type.mimeType()}, for HTTP responses and data URLs
 * @param width     upright width in pixels
 * @param height    upright height in pixels
 * @param sha256    lower-case hex SHA-256 of the original upload
 * @param bytes     what to store: the upload itself, or re-encoded upright (JPEG at quality 0.92,
 *                  which may come out larger than the upload)
 * @param thumbnail a PNG whose longest side is the limits' thumbnail side (or the image's own
 *                  size, if smaller: never enlarged)
 */
public record AcceptedImage(ImageType type, String mimeType, int width, int height, String sha256,
                            byte[] bytes, byte[] thumbnail) {

    public static final String THUMBNAIL_MIME_TYPE = "image/png";

    public AcceptedImage {
        Objects.requireNonNull(type, "type");
        if (!type.mimeType().equals(mimeType)) {
            throw new IllegalArgumentException("MIME type " + mimeType + " does not match " + type);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (sha256 == null || sha256.length() != 64 || !sha256.equals(sha256.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        HexFormat.of().parseHex(sha256);
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        thumbnail = Objects.requireNonNull(thumbnail, "thumbnail").clone();
    }

    /** A copy: about the upload's size (at most the limits' maxBytes, more if re-encoded). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A copy of the PNG thumbnail. */
    @Override
    public byte[] thumbnail() {
        return thumbnail.clone();
    }

    public long size() {
        return bytes.length;
    }

    /**
     * The pixels, upright, as {@code TYPE_INT_RGB} with any transparency flattened on white.
     * Decoded anew on every call and not kept, so that a stored or queued image costs only its
     * bytes: the result takes 4 bytes per pixel (160 MB at the default 40 megapixels), so keep it
     * rather than call this repeatedly.
     */
    public BufferedImage decoded() {
        return HeaderFirstDecoder.decode(bytes, type, (w, h) -> {
            // Checked at intake already.
        });
    }

    /** The form models receive. */
    public ImageData toImageData() {
        return new ImageData(bytes.clone(), mimeType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcceptedImage a && type == a.type && width == a.width && height == a.height
                && sha256.equals(a.sha256) && Arrays.equals(bytes, a.bytes) && Arrays.equals(thumbnail, a.thumbnail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, width, height, sha256);
    }

    @Override
    public String toString() {
        return "AcceptedImage[" + type + ", " + width + "x" + height + ", " + bytes.length + " bytes, sha256="
                + sha256 + "]";
    }
}
