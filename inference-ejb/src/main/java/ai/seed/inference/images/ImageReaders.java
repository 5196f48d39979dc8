package ai.seed.inference.images;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Finds the decoder for a sniffed type. Only that format's reader is ever used, so bytes that
 * passed as a PNG are never handed to, say, a TIFF or BMP plugin.
 *
 * <p>WebP: in WildFly the JVM-wide ImageIO registry is filled from the server's class path and
 * does not see the TwelveMonkeys jar in our deployment. Rather than
 * {@code ImageIO.scanForPlugins()}, which would register the deployment's classes in that global
 * registry and keep its class loader alive after an undeploy, the reader is then made directly
 * from its provider, registering nothing.
 */
final class ImageReaders {

    private ImageReaders() {
    }

    /** A new reader; the caller disposes of it. */
    static ImageReader readerFor(ImageType type) {
        Iterator<ImageReader> registered = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
        if (registered.hasNext()) {
            return registered.next();
        }
        if (type == ImageType.WEBP) {
            return directWebPReader();
        }
        throw new IllegalStateException("this JVM has no ImageIO reader for " + type);
    }

    /** The TwelveMonkeys WebP reader without the ImageIO registry. */
    static ImageReader directWebPReader() {
        try {
            return new WebPImageReaderSpi().createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("the WebP reader cannot be created", e);
        }
    }
}
