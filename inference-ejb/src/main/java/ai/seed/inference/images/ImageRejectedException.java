package ai.seed.inference.images;

import jakarta.ejb.ApplicationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An upload that is not stored or sent to any model, with a stable {@link Reason} for clients and
 * a message for people that says what is wrong and what the limit is.
 *
 * <p>An application exception, so that an EJB passes it to its caller as it is (not wrapped in an
 * {@code EJBException}, reason intact) and still rolls back whatever the upload had started.
 */
@ApplicationException(rollback = true)
public class ImageRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Machine-readable; the names are part of the API and never change. */
    public enum Reason {
        EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_PIXELS, TOO_SMALL, CORRUPT
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        if (reason == null) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ImageRejectedException empty() {
        return new ImageRejectedException(Reason.EMPTY, "the image is empty (0 bytes)");
    }

    static ImageRejectedException tooLarge(long bytes, long maxBytes) {
        return new ImageRejectedException(Reason.TOO_LARGE,
                "image is " + byteSize(bytes, RoundingMode.CEILING) + "; the limit is "
                        + byteSize(maxBytes, RoundingMode.FLOOR));
    }

    static ImageRejectedException unsupported(String whatTheBytesSay) {
        return new ImageRejectedException(Reason.UNSUPPORTED_TYPE,
                "not a JPEG, PNG or WebP image (the bytes say: " + whatTheBytesSay + ")");
    }

    static ImageRejectedException tooManyPixels(int width, int height, long maxPixels) {
        return new ImageRejectedException(Reason.TOO_MANY_PIXELS,
                "image is " + width + "x" + height + " (" + megapixels((long) width * height, RoundingMode.CEILING)
                        + " megapixels); the limit is " + megapixels(maxPixels, RoundingMode.FLOOR) + " megapixels");
    }

    static ImageRejectedException sideTooLong(int width, int height, int maxSide) {
        return new ImageRejectedException(Reason.TOO_MANY_PIXELS,
                "image is " + width + "x" + height + "; the longest side may be at most " + maxSide + " pixels");
    }

    static ImageRejectedException tooSmall(int width, int height, int minSide) {
        return new ImageRejectedException(Reason.TOO_SMALL,
                "image is " + width + "x" + height + "; each side must be at least " + minSide + " pixels");
    }

    static ImageRejectedException corrupt(ImageType type, Throwable cause) {
        return new ImageRejectedException(Reason.CORRUPT,
                "the " + type.name() + " image is damaged or truncated and cannot be decoded", cause);
    }

    /*
     * The upload's size rounds up and the limit rounds down, so a file just over the limit never
     * reads as "10 MiB; the limit is 10 MiB".
     */
    static String byteSize(long bytes, RoundingMode rounding) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return oneDecimal(bytes / 1024.0, rounding) + " KiB";
        }
        return oneDecimal(bytes / (1024.0 * 1024.0), rounding) + " MiB";
    }

    static String megapixels(long pixels, RoundingMode rounding) {
        return oneDecimal(pixels / 1_000_000.0, rounding);
    }

    private static String oneDecimal(double value, RoundingMode rounding) {
        return BigDecimal.valueOf(value).setScale(1, rounding).stripTrailingZeros().toPlainString();
    }
}
