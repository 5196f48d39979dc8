package ai.seed.web.console.concepts;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.service.Caller;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Thumbnails of reference images, served lazily by the browser's own image requests (the grid
 * sends only metadata). The caller is captured when the image is built, so the download request
 * is checked exactly like the view that showed it.
 */
final class ConceptThumbnails {

    private static final Logger LOG = Logger.getLogger(ConceptThumbnails.class.getName());

    private ConceptThumbnails() {
    }

    /** The first reference image's thumbnail, or a placeholder when the concept has none. */
    static Component first(ConceptService concepts, Caller caller, ConceptView concept, int sizePx) {
        return concept.images().stream().min(Comparator.comparingInt(ConceptView.ImageView::position))
                .<Component>map(i -> of(concepts, caller, concept, i.position(), sizePx))
                .orElseGet(() -> new Span("no image"));
    }

    /** One image's thumbnail. */
    static Image of(ConceptService concepts, Caller caller, ConceptView concept, int position, int sizePx) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            try {
                Optional<byte[]> png = concepts.thumbnail(caller, concept.id(), position);
                return png.map(b -> new DownloadResponse(new ByteArrayInputStream(b), "thumbnail.png", "image/png",
                        b.length)).orElseGet(() -> DownloadResponse.error(404));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "thumbnail of concept " + concept.id() + " failed", e);
                return DownloadResponse.error(500);
            }
        }), "Reference image " + (position + 1) + " of " + concept.name());
        image.addClassName("seed-thumbnail");
        image.getStyle().set("width", sizePx + "px").set("height", sizePx + "px").set("object-fit", "cover")
                .set("border-radius", "var(--lumo-border-radius-s)").set("display", "block");
        return image;
    }
}
