package ai.seed.inference.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

class ImageReadersTest {

    @Test
    void everyTypeHasAReader() throws Exception {
        for (ImageType type : ImageType.values()) {
            ImageReader reader = ImageReaders.readerFor(type);
            try {
                assertThat(reader.getFormatName().toLowerCase(Locale.ROOT)).isEqualTo(type.imageIoFormat());
            } finally {
                reader.dispose();
            }
        }
    }

    /** What WildFly gets when the ImageIO registry does not see our deployment's jars. */
    @Test
    void theWebpReaderWorksWithoutTheImageIoRegistry() throws Exception {
        byte[] webp = TestWebp.twoColourLossless(40, 30, 0x3366CC, 0x33FFCC, (x, y) -> x >= 20);
        ImageReader reader = ImageReaders.directWebPReader();
        try {
            reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(webp)), true, true);
            assertThat(reader.getWidth(0)).isEqualTo(40);
            assertThat(reader.getHeight(0)).isEqualTo(30);
            BufferedImage image = reader.read(0);
            assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x3366CC);
            assertThat(image.getRGB(39, 29) & 0xFFFFFF).isEqualTo(0x33FFCC);
        } finally {
            reader.dispose();
        }
    }
}
