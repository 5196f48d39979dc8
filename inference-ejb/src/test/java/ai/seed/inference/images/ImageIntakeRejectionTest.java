package ai.seed.inference.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.seed.inference.images.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploads that must not be stored or sent to a model, and what the user is told. */
class ImageIntakeRejectionTest {

    private static final ImageLimits DEFAULTS = ImageLimits.defaults();

    @Test
    void emptyAndMissingUploads() {
        assertThat(rejected(new byte[0], DEFAULTS).reason()).isEqualTo(Reason.EMPTY);
        assertThat(rejected(null, DEFAULTS).reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void tooManyBytesSaysBothSizes() {
        byte[] upload = Arrays.copyOf(TestImageBytes.pngOf(20, 20), (int) (12.25 * 1024 * 1024));
        ImageRejectedException e = rejected(upload, DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e).hasMessage("image is 12.3 MiB; the limit is 10 MiB");
    }

    @Test
    void oneByteOverTheLimitDoesNotReadAsEqualToIt() {
        byte[] upload = Arrays.copyOf(TestImageBytes.pngOf(20, 20), 10 * 1024 * 1024 + 1);
        assertThat(rejected(upload, DEFAULTS)).hasMessage("image is 10.1 MiB; the limit is 10 MiB");
    }

    @Test
    void smallLimitsAreShownInSmallUnits() {
        byte[] png = TestImageBytes.png(TestImageBytes.noise(40, 40, 1));
        ImageRejectedException e = rejected(png, DEFAULTS.withMaxBytes(1000));
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).matches("image is [0-9.]+ KiB; the limit is 1000 bytes");
    }

    @Test
    void otherFormatsAreNamedInTheMessage() {
        ImageRejectedException gif = rejected(written("gif"), DEFAULTS);
        assertThat(gif.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(gif).hasMessage("not a JPEG, PNG or WebP image (the bytes say: GIF)");

        assertThat(rejected(written("bmp"), DEFAULTS)).hasMessageEndingWith("(the bytes say: BMP)");
        assertThat(rejected(ascii("%PDF-1.4\n"), DEFAULTS)).hasMessageEndingWith("(the bytes say: PDF)");
        assertThat(rejected(ascii("<svg onload='alert(1)'/>"), DEFAULTS))
                .hasMessageEndingWith("(the bytes say: SVG/XML)");
        assertThat(rejected(ascii("<!doctype html><p>hi"), DEFAULTS)).hasMessageEndingWith("(the bytes say: HTML)");
        assertThat(rejected(new byte[] {1, 2, 3, 4}, DEFAULTS).reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(rejected(new byte[] {1, 2, 3, 4}, DEFAULTS)).hasMessageEndingWith("(the bytes say: unknown)");
    }

    @Test
    void aPolyglotWithAGifHeadIsUnsupported() {
        byte[] polyglot = TestImageBytes.concat(ascii("GIF89a"), TestImageBytes.pngOf(20, 20));
        assertThat(rejected(polyglot, DEFAULTS).reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
    }

    /** A few hundred bytes declaring 30000x30000: decoding it would need 3.6 GB. */
    @Test
    void aPngDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImageBytes.withPngSize(TestImageBytes.pngOf(16, 16), 30_000, 30_000);
        ImageRejectedException e = rejected(bomb, DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e).hasMessage("image is 30000x30000 (900 megapixels); the limit is 40 megapixels");
    }

    /**
     * The same trick at a size that could be decoded: its data is for 16x16, so decoding fails
     * as CORRUPT, while a lower pixel limit answers TOO_MANY_PIXELS: the size check runs first.
     */
    @Test
    void theSizeIsCheckedBeforeAnyPixelIsDecoded() {
        byte[] liar = TestImageBytes.withPngSize(TestImageBytes.pngOf(16, 16), 2000, 2000);
        assertThat(rejected(liar, DEFAULTS).reason()).isEqualTo(Reason.CORRUPT);
        ImageRejectedException e = rejected(liar, DEFAULTS.withMaxPixels(1_000_000));
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e).hasMessage("image is 2000x2000 (4 megapixels); the limit is 1 megapixels");
    }

    @Test
    void aJpegDecompressionBombIsRefusedFromItsHeader() {
        byte[] jpeg = TestImageBytes.jpegOf(16, 16);
        int sof = TestImageBytes.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
        jpeg[sof + 5] = jpeg[sof + 6] = jpeg[sof + 7] = jpeg[sof + 8] = (byte) 0xFD; // 65021x65021
        assertThat(rejected(jpeg, DEFAULTS).reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
    }

    /** A valid lossless WebP of one colour costs no bits per pixel: 16384x16384 in 34 bytes. */
    @Test
    void aWebpDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestWebp.twoColourLossless(16_384, 16_384, 0xFFFFFF, 0xFFFFFF, (x, y) -> false);
        assertThat(bomb.length).isLessThan(64);
        ImageRejectedException e = rejected(bomb, DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e).hasMessageStartingWith("image is 16384x16384 (268.5 megapixels)");
    }

    @Test
    void aSideLongerThanTheLimitIsRefusedEvenWithFewPixels() {
        byte[] png = TestImageBytes.withPngSize(TestImageBytes.pngOf(16, 16), 13_000, 100);
        ImageRejectedException e = rejected(png, DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e).hasMessage("image is 13000x100; the longest side may be at most 12000 pixels");
    }

    @Test
    void tooSmall() {
        ImageRejectedException e = rejected(TestImageBytes.pngOf(10, 300), DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_SMALL);
        assertThat(e).hasMessage("image is 10x300; each side must be at least 16 pixels");
        assertThat(rejected(TestWebp.LOSSY_GREY_1X1, DEFAULTS).reason()).isEqualTo(Reason.TOO_SMALL);
    }

    @Test
    void sizesInMessagesAreUpright() {
        byte[] sideways = TestImageBytes.withExifOrientation(TestImageBytes.jpegOf(40, 20), 6, ByteOrder.BIG_ENDIAN);
        assertThat(rejected(sideways, DEFAULTS.withMaxSide(30).withMinSide(1)))
                .hasMessage("image is 20x40; the longest side may be at most 30 pixels");
    }

    @Test
    void aPngTruncatedInItsPixelDataIsCorrupt() {
        byte[] png = TestImageBytes.png(TestImageBytes.noise(64, 64, 7));
        int idat = TestImageBytes.indexOf(png, ascii("IDAT"));
        byte[] truncated = Arrays.copyOf(png, idat + (png.length - idat) / 2);
        ImageRejectedException e = rejected(truncated, DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e).hasMessage("the PNG image is damaged or truncated and cannot be decoded");
    }

    /** The JDK decoder only warns about this and greys out the rest; no partial image is accepted. */
    @Test
    void aJpegTruncatedInItsPixelDataIsCorrupt() {
        byte[] jpeg = TestImageBytes.jpeg(TestImageBytes.noise(64, 64, 7));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertThat(rejected(truncated, DEFAULTS).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void aJpegWithStrayBytesBeforeAMarkerIsStillWhole() {
        byte[] jpeg = TestImageBytes.jpegOf(40, 20);
        byte[] stray = TestImageBytes.concat(Arrays.copyOf(jpeg, jpeg.length - 2), new byte[] {0, 0, 0},
                new byte[] {(byte) 0xFF, (byte) 0xD9});
        AcceptedImage image = ImageIntake.accept(stray, DEFAULTS);
        assertThat(image.width()).isEqualTo(40);
    }

    /** The WebP decoder pads missing data with zeros; the RIFF lengths give the truncation away. */
    @Test
    void aWebpTruncatedInItsPixelDataIsCorrupt() {
        byte[] webp = TestWebp.twoColourLossless(64, 64, 0x000000, 0xFFFFFF, (x, y) -> (x * 7 + y * 13) % 5 < 2);
        assertThat(ImageIntake.accept(webp, DEFAULTS).width()).isEqualTo(64);
        for (int length : new int[] {webp.length - 1, webp.length / 2, 24, 12}) {
            assertThat(rejected(Arrays.copyOf(webp, length), DEFAULTS).reason()).as("%d bytes", length)
                    .isEqualTo(Reason.CORRUPT);
        }
    }

    @Test
    void aWebpWhoseChunkOverrunsTheContainerIsCorrupt() {
        byte[] webp = TestWebp.LOSSY_GREY_1X1.clone();
        webp[16] = (byte) 0x7F; // the VP8 chunk now claims more bytes than RIFF holds
        assertThat(rejected(webp, DEFAULTS.withMinSide(1)).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void aValidSignatureFollowedByGarbageIsCorrupt() {
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0x5A);
        for (byte[] signature : new byte[][] {
            {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            ascii("RIFF\u00d0\0\0\0WEBP"),
        }) {
            ImageRejectedException e = rejected(TestImageBytes.concat(signature, garbage), DEFAULTS);
            assertThat(e.reason()).as(ImageSniffer.describe(signature)).isEqualTo(Reason.CORRUPT);
        }
    }

    private static ImageRejectedException rejected(byte[] bytes, ImageLimits limits) {
        ImageRejectedException e = catchThrowableOfType(() -> ImageIntake.accept(bytes, limits),
                ImageRejectedException.class);
        assertThat(e).as("rejected").isNotNull();
        return e;
    }

    private static byte[] written(String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
