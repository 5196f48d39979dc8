package ai.seed.inference.images;

/**
 * What {@link ImageIntake} accepts.
 *
 * <p>Invariants: every bound is positive, {@code minSide <= maxSide}, and {@code maxPixels} fits
 * a Java array, because an accepted image is decoded into one {@code int} per pixel.
 *
 * @param maxBytes      the largest upload, in bytes
 * @param maxPixels     width times height, checked from the header before any pixel is decoded
 * @param maxSide       the longest width or height
 * @param minSide       the shortest width or height; smaller images carry too little to embed
 * @param thumbnailSide the longest side of the thumbnail
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxSide, int minSide, int thumbnailSide) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    public static final int DEFAULT_MAX_SIDE = 12_000;
    public static final int DEFAULT_MIN_SIDE = 16;
    public static final int DEFAULT_THUMBNAIL_SIDE = 256;

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0 || minSide <= 0 || thumbnailSide <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + summary(
                    maxBytes, maxPixels, maxSide, minSide, thumbnailSide));
        }
        if (minSide > maxSide) {
            throw new IllegalArgumentException("minSide " + minSide + " exceeds maxSide " + maxSide);
        }
        if (maxPixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxPixels " + maxPixels + " does not fit a Java array");
        }
    }

    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, DEFAULT_MIN_SIDE,
                DEFAULT_THUMBNAIL_SIDE);
    }

    public ImageLimits withMaxBytes(long value) {
        return new ImageLimits(value, maxPixels, maxSide, minSide, thumbnailSide);
    }

    public ImageLimits withMaxPixels(long value) {
        return new ImageLimits(maxBytes, value, maxSide, minSide, thumbnailSide);
    }

    public ImageLimits withMaxSide(int value) {
        return new ImageLimits(maxBytes, maxPixels, value, minSide, thumbnailSide);
    }

    public ImageLimits withMinSide(int value) {
        return new ImageLimits(maxBytes, maxPixels, maxSide, value, thumbnailSide);
    }

    public ImageLimits withThumbnailSide(int value) {
        return new ImageLimits(maxBytes, maxPixels, maxSide, minSide, value);
    }

    private static String summary(long maxBytes, long maxPixels, int maxSide, int minSide, int thumbnailSide) {
        return "maxBytes=" + maxBytes + ", maxPixels=" + maxPixels + ", maxSide=" + maxSide
                + ", minSide=" + minSide + ", thumbnailSide=" + thumbnailSide;
    }
}
