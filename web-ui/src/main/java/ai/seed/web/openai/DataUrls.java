package ai.seed.web.openai;

import java.util.Base64;
import java.util.Locale;

/**
 * Decodes {@code data:image/...;base64,...} URLs, the way OpenAI clients inline images. Only
 * base64 image data URLs are accepted; whitespace inside the data (line-wrapped base64) is
 * tolerated. The size limit is checked on the encoded length before decoding, so an oversized
 * image never takes up memory twice; the bytes are then validated by the chat service itself
 * (type sniffed from the bytes, dimensions, decompression bombs).
 */
public final class DataUrls {

    /** Largest decoded image: the chat service's own limit. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private DataUrls() {
    }

    public static boolean isDataUrl(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The decoded bytes; a 400 naming {@code param} for anything malformed or too large. */
    public static byte[] decode(String url, String param) {
        int comma = url.indexOf(',');
        if (!isDataUrl(url) || comma < 0) {
            throw invalid("is not a data URL (expected data:image/png;base64,...)", param);
        }
        String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.startsWith("image/")) {
            throw invalid("must have an image media type (data:image/png;base64,...)", param);
        }
        if (!header.endsWith(";base64")) {
            throw invalid("must be base64-encoded (data:image/png;base64,...)", param);
        }
        String data = url.substring(comma + 1).replaceAll("\\s+", "");
        if ((long) data.length() * 3 / 4 > MAX_BYTES + 2) {
            throw new OpenAiException(400, "The image in '" + param + "' is larger than " + (MAX_BYTES >> 20)
                    + " MiB.", param, "image_too_large");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw invalid("does not contain valid base64 data", param);
        }
        if (bytes.length == 0) {
            throw invalid("contains no image data", param);
        }
        if (bytes.length > MAX_BYTES) {
            throw new OpenAiException(400, "The image in '" + param + "' is larger than " + (MAX_BYTES >> 20)
                    + " MiB.", param, "image_too_large");
        }
        return bytes;
    }

    private static OpenAiException invalid(String why, String param) {
        return OpenAiException.invalid("The image URL in '" + param + "' " + why + ".", param, "invalid_image_url");
    }
}
