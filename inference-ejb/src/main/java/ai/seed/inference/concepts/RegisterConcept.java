package ai.seed.inference.concepts;

import java.util.List;

/**
 * A request to register a concept.
 *
 * @param idempotencyKey optional: a repeat with the same key returns the first result
 */
public record RegisterConcept(String name, String description, List<UploadedImage> images, String idempotencyKey) {

    public RegisterConcept {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
