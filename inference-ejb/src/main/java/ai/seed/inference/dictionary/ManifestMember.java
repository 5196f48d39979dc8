package ai.seed.inference.dictionary;

import ai.seed.inference.pipeline.ConceptCue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster member as the training manifest needs it: its concept id and description (the
 * pipeline's {@link ConceptCue}) and its image paths, checked up front so that a manifest is
 * either complete or not written.
 *
 * <p>Invariants: the id is a valid, bracketed concept id other than {@code <image>} (LLaMA-Factory
 * counts that token as an image placeholder); the description holds no {@code <image>} either, for
 * the same reason; the image list is non-empty, paths as given.
 */
record ManifestMember(ClusterInput input, ConceptCue cue, List<String> images) {

    /** LLaMA-Factory's image placeholder; each sample's user turn holds exactly one. */
    static final String IMAGE = "<image>";

    ManifestMember {
        images = List.copyOf(images);
    }

    static List<ManifestMember> of(ClusterResult cluster, Map<String, String> descriptions,
                                   Map<String, List<String>> imagePathsByConcept) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(descriptions, "descriptions");
        Objects.requireNonNull(imagePathsByConcept, "imagePathsByConcept");
        List<ManifestMember> members = new ArrayList<>();
        Map<String, String> keyById = new HashMap<>();
        for (ClusterInput input : cluster.members()) {
            ConceptCue cue = cue(input, descriptions.get(input.conceptKey()));
            String other = keyById.putIfAbsent(cue.id(), input.conceptKey());
            if (other != null) {
                throw new IllegalArgumentException("members " + other + " and " + input.conceptKey()
                        + " share the concept id " + cue.id() + "; their training samples would contradict each other");
            }
            members.add(new ManifestMember(input, cue, images(input, imagePathsByConcept.get(input.conceptKey()))));
        }
        return members;
    }

    private static ConceptCue cue(ClusterInput input, String description) {
        String name = DatasetDescriptions.normalise(input.label());
        if (!DatasetConcept.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("member " + input.conceptKey() + ": label '" + input.label()
                    + "' is not a concept name (<name> with 1-64 characters of a-z, 0-9, _ and -)");
        }
        String id = "<" + name + ">";
        if (id.equals(IMAGE)) {
            throw new IllegalArgumentException("member " + input.conceptKey()
                    + ": the concept id <image> is LLaMA-Factory's image placeholder; rename the concept");
        }
        String text = description == null || description.isBlank() ? id : description;
        // an <image> inside the text would count as a second image and fail LLaMA-Factory's check
        return new ConceptCue(id, text.replace(IMAGE, "[image]"));
    }

    private static List<String> images(ClusterInput input, List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("member " + input.conceptKey() + " has no image paths");
        }
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("member " + input.conceptKey() + " has a blank image path");
            }
        }
        return paths;
    }
}
