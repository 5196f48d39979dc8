package ai.seed.inference.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The eight EXIF orientations (tag 0x0112): how the stored pixels must be turned to be seen
 * upright. Cameras store sensor rows as they come and record the turn here instead.
 *
 * <p>Invariant: {@link #apply} works on, and returns, {@code TYPE_INT_RGB} images whose raster is
 * one plain {@code int} per pixel (as {@link RgbImages#flattenOnWhite} makes them).
 */
enum Orientation {
    NORMAL(1),
    FLIP_HORIZONTAL(2),
    ROTATE_180(3),
    FLIP_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CW(6),
    TRANSVERSE(7),
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    /** Values outside 1..8 are treated as upright: bad metadata must never fail an upload. */
    static Orientation fromExif(int value) {
        for (Orientation o : values()) {
            if (o.exifValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    int exifValue() {
        return exifValue;
    }

    /** Whether the upright image is the stored one turned on its side (width and height swap). */
    boolean swapsSides() {
        return exifValue >= 5;
    }

    BufferedImage apply(BufferedImage rgb) {
        if (this == NORMAL) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int outW = swapsSides() ? h : w;
        BufferedImage out = new BufferedImage(outW, swapsSides() ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] src = pixels(rgb);
        int[] dst = pixels(out);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dst[target(x, y, w, h, outW)] = src[y * w + x];
            }
        }
        return out;
    }

    /** Where stored pixel (x, y) of a w x h image lands, as an index into the upright raster. */
    private int target(int x, int y, int w, int h, int outW) {
        return switch (this) {
            case NORMAL -> y * outW + x;
            case FLIP_HORIZONTAL -> y * outW + (w - 1 - x);
            case ROTATE_180 -> (h - 1 - y) * outW + (w - 1 - x);
            case FLIP_VERTICAL -> (h - 1 - y) * outW + x;
            case TRANSPOSE -> x * outW + y;
            case ROTATE_90_CW -> x * outW + (h - 1 - y);
            case TRANSVERSE -> (w - 1 - x) * outW + (h - 1 - y);
            case ROTATE_270_CW -> (w - 1 - x) * outW + y;
        };
    }

    private static int[] pixels(BufferedImage rgb) {
        if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected TYPE_INT_RGB, got type " + rgb.getType());
        }
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }
}
