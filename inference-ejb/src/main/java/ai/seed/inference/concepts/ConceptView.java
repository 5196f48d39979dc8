package ai.seed.inference.concepts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A concept as the console and the API show it: no image bytes, no raw vectors. */
public record ConceptView(UUID id, String name, String description, String category, String attributes,
                          String embedderId, int embeddingDimension, List<ImageView> images, int version,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** One reference image's metadata (bytes and thumbnail are fetched separately). */
    public record ImageView(UUID id, int position, String mimeType, String sha256, int width, int height) {
    }

    /** Whether the large VLM's identity (Table 7) is stored; turns use the description until it is. */
    public boolean identified() {
        return category != null;
    }
}
