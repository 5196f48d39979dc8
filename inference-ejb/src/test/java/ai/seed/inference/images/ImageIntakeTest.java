package ai.seed.inference.images;

import static ai.seed.inference.images.TestImageBytes.BOTTOM_RIGHT;
import static ai.seed.inference.images.TestImageBytes.TOP_LEFT;
import static ai.seed.inference.images.TestImageBytes.near;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Uploads that pass: what is stored, reported and thumbnailed. */
class ImageIntakeTest {

    private static final ImageLimits DEFAULTS = ImageLimits.defaults();

    @Test
    void acceptsAPngAsItIs() {
        byte[] png = TestImageBytes.pngOf(40, 20);
        AcceptedImage image = ImageIntake.accept(png, DEFAULTS);

        assertThat(image.type()).isEqualTo(ImageType.PNG);
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        assertThat(image.bytes()).isEqualTo(png);
        assertThat(image.size()).isEqualTo(png.length);
    }

    @Test
    void acceptsAJpegAsItIs() {
        byte[] jpeg = TestImageBytes.jpegOf(40, 20);
        AcceptedImage image = ImageIntake.accept(jpeg, DEFAULTS);

        assertThat(image.type()).isEqualTo(ImageType.JPEG);
        assertThat(image.mimeType()).isEqualTo("image/jpeg");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        assertThat(image.bytes()).isEqualTo(jpeg);
        BufferedImage decoded = image.decoded();
        assertThat(near(decoded.getRGB(2, 2), TOP_LEFT)).isTrue();
        assertThat(near(decoded.getRGB(37, 17), BOTTOM_RIGHT)).isTrue();
    }

    @Test
    void acceptsALosslessWebp() {
        byte[] webp = TestWebp.twoColourLossless(40, 30, 0x3366CC, 0x33FFCC, (x, y) -> x >= 20);
        AcceptedImage image = ImageIntake.accept(webp, DEFAULTS);

        assertThat(image.type()).isEqualTo(ImageType.WEBP);
        assertThat(image.mimeType()).isEqualTo("image/webp");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.bytes()).isEqualTo(webp);
        BufferedImage decoded = image.decoded();
        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x3366CC);
        assertThat(decoded.getRGB(39, 29) & 0xFFFFFF).isEqualTo(0x33FFCC);
    }

    @Test
    void acceptsALossyWebpWhenTheLimitsAllowATinyImage() {
        AcceptedImage image = ImageIntake.accept(TestWebp.LOSSY_GREY_1X1, DEFAULTS.withMinSide(1));

        assertThat(image.type()).isEqualTo(ImageType.WEBP);
        assertThat(image.width()).isEqualTo(1);
        assertThat(image.height()).isEqualTo(1);
        assertThat(image.decoded().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x828282);
    }

    @Test
    void transparencyIsFlattenedOnWhite() {
        AcceptedImage webp = ImageIntake.accept(TestWebp.LOSSLESS_TRANSPARENT_1X1, DEFAULTS.withMinSide(1));
        assertThat(webp.decoded().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);

        BufferedImage argb = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF000000); // one opaque black pixel; the rest transparent black
        AcceptedImage png = ImageIntake.accept(TestImageBytes.png(argb), DEFAULTS);
        assertThat(png.bytes()).isEqualTo(TestImageBytes.png(argb)); // the upload keeps its alpha
        BufferedImage decoded = png.decoded();
        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(decoded.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void decodedIsAlwaysRgb() {
        BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(ImageIntake.accept(TestImageBytes.png(grey), DEFAULTS).decoded().getType())
                .isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(ImageIntake.accept(TestImageBytes.jpegOf(20, 20), DEFAULTS).decoded().getType())
                .isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void sha256IsOfTheOriginalBytes() throws Exception {
        byte[] png = TestImageBytes.pngOf(40, 20);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(ImageIntake.accept(png, DEFAULTS).sha256()).isEqualTo(expected);
    }

    @Test
    void thumbnailOfALandscapeImageIs256Wide() {
        AcceptedImage image = ImageIntake.accept(TestImageBytes.pngOf(600, 300), DEFAULTS);
        BufferedImage thumb = thumbnail(image);
        assertThat(thumb.getWidth()).isEqualTo(256);
        assertThat(thumb.getHeight()).isEqualTo(128);
        assertThat(near(thumb.getRGB(5, 5), TOP_LEFT)).isTrue();
        assertThat(near(thumb.getRGB(250, 122), BOTTOM_RIGHT)).isTrue();
    }

    @Test
    void thumbnailOfAPortraitImageIs256HighWithItsAspectKept() {
        AcceptedImage image = ImageIntake.accept(TestImageBytes.jpegOf(300, 1000), DEFAULTS);
        BufferedImage thumb = thumbnail(image);
        assertThat(thumb.getHeight()).isEqualTo(256);
        assertThat(thumb.getWidth()).isEqualTo(77); // 300 * 256 / 1000 = 76.8
    }

    @Test
    void thumbnailOfALargeImageIsScaledInSteps() {
        AcceptedImage image = ImageIntake.accept(TestImageBytes.pngOf(3000, 2000), DEFAULTS);
        BufferedImage thumb = thumbnail(image);
        assertThat(thumb.getWidth()).isEqualTo(256);
        assertThat(thumb.getHeight()).isEqualTo(171);
    }

    @Test
    void smallImagesAreNotEnlarged() {
        BufferedImage thumb = thumbnail(ImageIntake.accept(TestImageBytes.pngOf(100, 50), DEFAULTS));
        assertThat(thumb.getWidth()).isEqualTo(100);
        assertThat(thumb.getHeight()).isEqualTo(50);
    }

    @Test
    void thumbnailSideComesFromTheLimits() {
        AcceptedImage image = ImageIntake.accept(TestImageBytes.pngOf(600, 300), DEFAULTS.withThumbnailSide(64));
        assertThat(thumbnail(image).getWidth()).isEqualTo(64);
    }

    @Test
    void acceptedImagesAreImmutableAndComparable() {
        byte[] png = TestImageBytes.pngOf(40, 20);
        AcceptedImage image = ImageIntake.accept(png, DEFAULTS);
        image.bytes()[0] = 0;
        png[0] = 0;
        assertThat(image.bytes()[0]).isEqualTo((byte) 0x89);
        assertThat(image).isEqualTo(ImageIntake.accept(TestImageBytes.pngOf(40, 20), DEFAULTS));
        assertThat(image.toImageData().mimeType()).isEqualTo("image/png");
        assertThat(image.toString()).contains("PNG", "40x20");
    }

    private static BufferedImage thumbnail(AcceptedImage image) {
        byte[] thumb = image.thumbnail();
        assertThat(ImageSniffer.sniff(thumb)).contains(ImageType.PNG);
        return TestImageBytes.decode(thumb);
    }
}
