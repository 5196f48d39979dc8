package ai.seed.web.api;

import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.service.ServiceException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reading images and fields from multipart forms and base64 JSON, with size limits. */
public final class Uploads {

    /** Per image; the image intake applies the same limit, this one stops reading early. */
    static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private Uploads() {
    }

    /** One JSON image: base64 data (optionally a data URL) and an optional file name. */
    public record ImageJson(String data, String fileName) {
    }

    public static List<UploadedImage> fromJson(List<ImageJson> images) {
        List<UploadedImage> out = new ArrayList<>();
        if (images == null) {
            return out;
        }
        for (int i = 0; i < images.size(); i++) {
            ImageJson img = images.get(i);
            if (img == null || img.data() == null) {
                throw ServiceException.invalid("bad-image-data", "image " + (i + 1) + " has no 'data'");
            }
            String data = img.data();
            int comma = data.startsWith("data:") ? data.indexOf(',') : -1;
            if (data.startsWith("data:") && (comma < 0 || !data.substring(0, comma).endsWith(";base64"))) {
                throw ServiceException.invalid("bad-image-data", "image " + (i + 1) + ": only base64 data URLs are accepted");
            }
            if (data.length() > MAX_IMAGE_BYTES / 3 * 4 + 1024) {
                throw ServiceException.invalid("image-too-large", "image " + (i + 1) + " is over 10 MiB");
            }
            try {
                out.add(new UploadedImage(Base64.getDecoder().decode((comma >= 0 ? data.substring(comma + 1) : data).replaceAll("\\s", "")),
                        img.fileName()));
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalid("bad-image-data", "image " + (i + 1) + " is not valid base64");
            }
        }
        return out;
    }

    /** The file parts named {@code field} (e.g. "images"). */
    public static List<UploadedImage> files(List<EntityPart> parts, String field) {
        List<UploadedImage> out = new ArrayList<>();
        for (EntityPart part : parts) {
            if (part.getName().equals(field)) {
                out.add(new UploadedImage(read(part), part.getFileName().orElse(null)));
            }
        }
        return out;
    }

    /** A text field of a multipart form, at most 10,000 characters. */
    public static Optional<String> text(List<EntityPart> parts, String field) {
        for (EntityPart part : parts) {
            if (part.getName().equals(field)) {
                try {
                    String value = part.getContent(String.class);
                    if (value != null && value.length() > 10_000) {
                        throw ServiceException.invalid("field-too-long", "field '" + field + "' is too long");
                    }
                    return Optional.ofNullable(value);
                } catch (IOException e) {
                    throw ServiceException.invalid("bad-multipart", "field '" + field + "' could not be read");
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] read(EntityPart part) {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw ServiceException.invalid("image-too-large", "file '" + part.getFileName().orElse(part.getName())
                        + "' is over 10 MiB; the limit is 10 MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw ServiceException.invalid("bad-multipart", "a file part could not be read");
        }
    }
}
