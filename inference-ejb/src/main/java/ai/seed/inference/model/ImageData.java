package ai.seed.inference.model;

import java.util.Base64;
import java.util.Objects;

/**
 * An already validated image (type sniffed, size limited) as bytes plus MIME type. Validation
 * happens where images enter the product; models receive only this.
 */
public record ImageData(byte[] bytes, String mimeType) {

    public ImageData {
        Objects.requireNonNull(bytes, "bytes");
        if (mimeType == null || !mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("not an image MIME type: " + mimeType);
        }
    }

    /** The form OpenAI-compatible servers accept for inline images. */
    public String toDataUrl() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "ImageData[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
