package ai.seed.inference.model.baseline;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.model.Images;
import ai.seed.inference.model.InProcessEmbedder;
import ai.seed.inference.model.ReferenceConcept;
import ai.seed.inference.model.SmallVlm;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TokenUsage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process detector that stands in for the small VLM: it embeds multi-scale windows of the
 * query image and compares each with every concept's reference embedding. A concept is present
 * when its best window reaches the threshold; its location-absolute is that window's 3x3-grid
 * cell, its location-relative the direction to the nearest other detected concept. It answers
 * with the same JSON the Table 6 prompt asks of the small VLM, so the pipeline parses and
 * reflects it like any model output. With {@link BaselineEmbedder} this is the BASELINE detector.
 */
public class WindowedDetector implements SmallVlm {

    private static final double[] SCALES = {1.0, 0.6, 0.4};

    private final InProcessEmbedder embedder;
    private final double threshold;
    private final String label;

    public WindowedDetector(InProcessEmbedder embedder, double threshold, String label) {
        this.embedder = embedder;
        this.threshold = threshold;
        this.label = label;
    }

    @Override
    public SmallVlmResponse detect(SmallVlmRequest request) {
        BufferedImage image = Images.decode(request.image());
        List<Window> windows = windows(image);
        Map<String, Window> found = new LinkedHashMap<>();
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (ReferenceConcept concept : request.concepts()) {
            Window best = bestWindow(windows, concept.embedding());
            if (best != null && best.score >= threshold) {
                found.put(concept.id(), best);
            }
        }
        for (ReferenceConcept concept : request.concepts()) {
            Window w = found.get(concept.id());
            if (w == null) {
                out.add(concept.id(), Json.createObjectBuilder().add("present", false));
            } else {
                out.add(concept.id(), Json.createObjectBuilder()
                        .add("present", true)
                        .add("location-absolute", GridLocation.of(w.cx, w.cy).phrase())
                        .add("location-relative", relative(concept.id(), w, found)));
            }
        }
        return new SmallVlmResponse(out.build().toString(), label, TokenUsage.NONE);
    }

    private List<Window> windows(BufferedImage image) {
        List<Window> windows = new ArrayList<>();
        int w = image.getWidth();
        int h = image.getHeight();
        for (double scale : SCALES) {
            int ww = Math.max(8, (int) (w * scale));
            int wh = Math.max(8, (int) (h * scale));
            int stepX = Math.max(1, (int) (w * 0.2));
            int stepY = Math.max(1, (int) (h * 0.2));
            for (int y = 0; y + wh <= h; y += stepY) {
                for (int x = 0; x + ww <= w; x += stepX) {
                    Embedding e = embedder.embed(image.getSubimage(x, y, ww, wh));
                    windows.add(new Window(e, (x + ww / 2.0) / w, (y + wh / 2.0) / h));
                }
            }
        }
        return windows;
    }

    private static Window bestWindow(List<Window> windows, Embedding concept) {
        Window best = null;
        for (Window w : windows) {
            if (!w.embedding.embedderId().equals(concept.embedderId())
                    || w.embedding.dimension() != concept.dimension()) {
                return null; // another embedder made this concept's vector: never compare them
            }
            double score = w.embedding.cosine(concept);
            if (best == null || score > best.score) {
                best = new Window(w.embedding, w.cx, w.cy, score);
            }
        }
        return best;
    }

    /** Direction to the nearest other detected concept, or "" when it is alone. */
    private static String relative(String id, Window self, Map<String, Window> found) {
        String nearest = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, Window> other : found.entrySet()) {
            if (other.getKey().equals(id)) {
                continue;
            }
            double d = Math.hypot(other.getValue().cx - self.cx, other.getValue().cy - self.cy);
            if (d < bestDistance) {
                bestDistance = d;
                nearest = other.getKey();
            }
        }
        if (nearest == null) {
            return "";
        }
        Window o = found.get(nearest);
        double dx = self.cx - o.cx;
        double dy = self.cy - o.cy;
        if (Math.abs(dx) >= Math.abs(dy)) {
            return (dx < 0 ? "to the left of " : "to the right of ") + nearest;
        }
        return (dy < 0 ? "above " : "below ") + nearest;
    }

    private static final class Window {
        final Embedding embedding;
        final double cx;
        final double cy;
        final double score;

        Window(Embedding embedding, double cx, double cy) {
            this(embedding, cx, cy, 0);
        }

        Window(Embedding embedding, double cx, double cy, double score) {
            this.embedding = embedding;
            this.cx = cx;
            this.cy = cy;
            this.score = score;
        }
    }
}
