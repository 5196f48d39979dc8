package ai.seed.inference.images;

import static ai.seed.inference.images.TestImageBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageSnifferTest {

    @Test
    void recognisesTheAllowedTypesFromRealFiles() {
        assertThat(ImageSniffer.sniff(TestImageBytes.pngOf(20, 20))).contains(ImageType.PNG);
        assertThat(ImageSniffer.sniff(TestImageBytes.jpegOf(20, 20))).contains(ImageType.JPEG);
        assertThat(ImageSniffer.sniff(TestWebp.LOSSY_GREY_1X1)).contains(ImageType.WEBP);
        assertThat(ImageSniffer.sniff(TestWebp.twoColourLossless(20, 20, 0, 0xFFFFFF, (x, y) -> x > y)))
                .contains(ImageType.WEBP);
    }

    @Test
    void needsOnlyTheHead() {
        byte[] png = TestImageBytes.pngOf(20, 20);
        byte[] head = Arrays.copyOf(png, 8);
        assertThat(ImageSniffer.sniff(head)).contains(ImageType.PNG);
    }

    @Test
    void theTypeComesFromTheBytesNotFromWhatTheUploaderCalledIt() {
        // Uploaded as "holiday.gif" with Content-Type image/gif: the API has no way to say so,
        // and the bytes are a PNG, so a PNG it is.
        byte[] uploadedAsGif = TestImageBytes.pngOf(20, 20);
        assertThat(ImageSniffer.sniff(uploadedAsGif)).contains(ImageType.PNG);
        assertThat(ImageIntake.accept(uploadedAsGif, ImageLimits.defaults()).mimeType()).isEqualTo("image/png");
    }

    @Test
    void riffThatIsNotWebpIsRejected() {
        byte[] wav = ascii("RIFF\u0024\0\0\0WAVEfmt ");
        assertThat(ImageSniffer.sniff(wav)).isEmpty();
    }

    static Stream<Arguments> otherFormats() {
        return Stream.of(
                Arguments.of("GIF", concat(ascii("GIF89a"), new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0})),
                Arguments.of("GIF", concat(ascii("GIF87a"), new byte[] {1, 0, 1, 0})),
                Arguments.of("BMP", concat(ascii("BM"), new byte[] {0x3A, 0, 0, 0, 0, 0})),
                Arguments.of("PDF", ascii("%PDF-1.7\n%\u00e2\u00e3")),
                Arguments.of("SVG/XML",
                        ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")),
                Arguments.of("SVG/XML", ascii("<?xml version=\"1.0\"?><!-- Generator: x --><svg/>")),
                Arguments.of("SVG/XML", ascii("<?xml version=\"1.0\"?><note/>")),
                Arguments.of("HTML", ascii("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>")),
                Arguments.of("HTML", ascii("   <html><head></head></html>")),
                Arguments.of("TIFF", concat(ascii("II*"), new byte[] {0, 8, 0, 0, 0})),
                Arguments.of("TIFF", concat(ascii("MM"), new byte[] {0, 42, 0, 0, 0, 8})),
                Arguments.of("HEIC/AVIF", concat(new byte[] {0, 0, 0, 0x18}, ascii("ftypheic"), new byte[4])),
                Arguments.of("HEIC/AVIF", concat(new byte[] {0, 0, 0, 0x1C}, ascii("ftypavif"), new byte[4])),
                Arguments.of("unknown", ascii("hello, world")),
                Arguments.of("unknown", ascii("<p>not a document</p>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFormats")
    void otherFormatsAreRejectedAndNamed(String expectedName, byte[] head) {
        assertThat(ImageSniffer.sniff(head)).isEmpty();
        assertThat(ImageSniffer.describe(head)).isEqualTo(expectedName);
    }

    @Test
    void anSvgBehindAByteOrderMarkIsStillNamed() {
        byte[] svg = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("<svg/>"));
        assertThat(ImageSniffer.sniff(svg)).isEmpty();
        assertThat(ImageSniffer.describe(svg)).isEqualTo("SVG/XML");
    }

    @Test
    void emptyAndNullAreNotImages() {
        assertThat(ImageSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ImageSniffer.sniff(null)).isEmpty();
        assertThat(ImageSniffer.describe(new byte[0])).isEqualTo("empty");
    }

    @Test
    void truncatedSignaturesAreNotImages() {
        assertThat(ImageSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageSniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(ImageSniffer.sniff(ascii("RIFF\0\0\0\0WEB"))).isEmpty();
    }

    @Test
    void randomBytesAreNotImages() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[64];
            random.nextBytes(bytes);
            bytes[0] = (byte) (bytes[0] == (byte) 0xFF || bytes[0] == (byte) 0x89 || bytes[0] == 'R' ? 0 : bytes[0]);
            assertThat(ImageSniffer.sniff(bytes)).isEmpty();
        }
    }

    @Test
    void aPolyglotWhoseHeadIsAGifIsRejectedEvenWithAPngInside() {
        byte[] polyglot = concat(ascii("GIF89a\u0001\u0000\u0001\u0000"), TestImageBytes.pngOf(20, 20));
        assertThat(ImageSniffer.sniff(polyglot)).isEmpty();
        assertThat(ImageSniffer.describe(polyglot)).isEqualTo("GIF");
    }

    @Test
    void typesKnowTheirMimeTypeAndExtension() {
        assertThat(ImageType.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageType.JPEG.extension()).isEqualTo("jpg");
        assertThat(ImageType.PNG.mimeType()).isEqualTo("image/png");
        assertThat(ImageType.PNG.extension()).isEqualTo("png");
        assertThat(ImageType.WEBP.mimeType()).isEqualTo("image/webp");
        assertThat(ImageType.WEBP.extension()).isEqualTo("webp");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
