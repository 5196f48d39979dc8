package ai.seed.inference.adapters;

import java.time.Instant;

/**
 * A key that may upload one meta-concept's adapter. {@code key} is shown once, at creation.
 */
public record UploadKeyView(String key, long versionId, int clusterIndex, Instant expiresAt, String uploadPath) {

    @Override
    public String toString() {
        return "UploadKeyView[v" + versionId + "/" + clusterIndex + ", key=****]";
    }
}
