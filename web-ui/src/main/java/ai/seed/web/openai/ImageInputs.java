package ai.seed.web.openai;

import ai.seed.inference.concepts.UploadedImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns a message's {@code image_url} into the bytes the chat service validates: data URLs are
 * decoded ({@link DataUrls}); http(s) URLs are fetched only when {@link ImageUrlGuard} allows them.
 * The allow-list {@value #ALLOW_LIST} is read on every request, so an operator can change it
 * without a redeploy (e.g. as a system property).
 */
@ApplicationScoped
public class ImageInputs {

    public static final String ALLOW_LIST = "seed.openai.image-url-allow-list";

    /** The image to send with the turn, or null when the conversation has none. */
    public UploadedImage resolve(Conversation.ImageRef image) {
        if (image == null) {
            return null;
        }
        if (DataUrls.isDataUrl(image.url())) {
            return new UploadedImage(DataUrls.decode(image.url(), image.param()), "image_url");
        }
        String allowList = ConfigProvider.getConfig().getOptionalValue(ALLOW_LIST, String.class).orElse(null);
        URI uri = ImageUrlGuard.fromAllowList(allowList, InetAddress::getAllByName).check(image.url(), image.param());
        return new UploadedImage(RemoteImageFetcher.fetch(uri, image.param()), uri.getHost());
    }
}
