package ai.seed.inference.images;

import static ai.seed.inference.images.TestImageBytes.BOTTOM_LEFT;
import static ai.seed.inference.images.TestImageBytes.BOTTOM_RIGHT;
import static ai.seed.inference.images.TestImageBytes.TOP_LEFT;
import static ai.seed.inference.images.TestImageBytes.TOP_RIGHT;
import static ai.seed.inference.images.TestImageBytes.near;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EXIF orientation: parsing it from JPEG bytes, and uploads turned upright. */
class ExifOrientationTest {

    private static final byte[] JPEG = TestImageBytes.jpegOf(40, 20);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsEveryOrientationInBothByteOrders(int value) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] jpeg = TestImageBytes.withExifOrientation(JPEG, value, order);
            assertThat(ExifOrientation.read(jpeg).exifValue()).as(order.toString()).isEqualTo(value);
        }
    }

    @Test
    void noExifMeansUpright() {
        assertThat(ExifOrientation.read(JPEG)).isEqualTo(Orientation.NORMAL);
    }

    @Test
    void findsExifAfterOtherApp1Segments() {
        byte[] withExif = TestImageBytes.withExifOrientation(JPEG, 8, ByteOrder.BIG_ENDIAN);
        byte[] xmpFirst = TestImageBytes.withSegmentAfterSoi(withExif, 0xE1,
                "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII));
        assertThat(ExifOrientation.read(xmpFirst)).isEqualTo(Orientation.ROTATE_270_CW);
    }

    @Test
    void malformedExifReadsAsUpright() {
        byte[] good = TestImageBytes.exifPayload(6, ByteOrder.BIG_ENDIAN);
        assertThat(readWithPayload(Arrays.copyOf(good, 10))).as("TIFF header cut").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(Arrays.copyOf(good, 20))).as("IFD entry cut").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 6, 'X'))).as("no byte order").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 9, 43))).as("not 42").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 10, 0x7F))).as("IFD far away").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 19, 4))).as("not a SHORT").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 23, 2))).as("two values").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 25, 9))).as("orientation 9").isEqualTo(Orientation.NORMAL);
        assertThat(readWithPayload(patched(good, 15, 0))).as("no entries").isEqualTo(Orientation.NORMAL);
        byte[] manyOtherTags = patched(patched(good, 14, 0x50), 17, 0x13); // 20k entries claimed, tag 0x0113
        assertThat(readWithPayload(manyOtherTags)).as("20k entries").isEqualTo(Orientation.NORMAL);
    }

    @Test
    void brokenSegmentStructureReadsAsUpright() {
        byte[] lengthPastTheEnd = JPEG.clone();
        lengthPastTheEnd[4] = (byte) 0xFF; // the APP0 length
        assertThat(ExifOrientation.read(lengthPastTheEnd)).isEqualTo(Orientation.NORMAL);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEqualTo(Orientation.NORMAL);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 1}))
                .isEqualTo(Orientation.NORMAL);
        byte[] exif = TestImageBytes.withExifOrientation(JPEG, 6, ByteOrder.BIG_ENDIAN);
        for (int length = 0; length < 60; length++) {
            ExifOrientation.read(Arrays.copyOf(exif, length)); // never throws
        }
    }

    @Test
    void aSidewaysJpegIsStoredUpright() {
        byte[] sideways = TestImageBytes.withExifOrientation(JPEG, 6, ByteOrder.LITTLE_ENDIAN);
        AcceptedImage image = ImageIntake.accept(sideways, ImageLimits.defaults());

        assertThat(image.width()).isEqualTo(20);
        assertThat(image.height()).isEqualTo(40);
        assertThat(image.type()).isEqualTo(ImageType.JPEG);
        assertThat(image.sha256()).isEqualTo(ImageIntake.sha256(sideways));
        byte[] stored = image.bytes();
        assertThat(stored).isNotEqualTo(sideways);
        assertThat(ExifOrientation.read(stored)).as("re-encoded without EXIF").isEqualTo(Orientation.NORMAL);

        // Turned 90 degrees clockwise: the top-left quadrant is now top-right, and so on.
        BufferedImage upright = TestImageBytes.decode(stored);
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertCorners(upright, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
        assertCorners(image.decoded(), BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
        BufferedImage thumb = TestImageBytes.decode(image.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(20);
        assertThat(thumb.getHeight()).isEqualTo(40);
        assertCorners(thumb, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
    }

    @Test
    void anUpsideDownJpegKeepsItsSizeButIsTurned() {
        byte[] upsideDown = TestImageBytes.withExifOrientation(JPEG, 3, ByteOrder.BIG_ENDIAN);
        AcceptedImage image = ImageIntake.accept(upsideDown, ImageLimits.defaults());
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        assertCorners(image.decoded(), BOTTOM_RIGHT, BOTTOM_LEFT, TOP_RIGHT, TOP_LEFT);
    }

    @Test
    void orientationOneKeepsTheOriginalBytes() {
        byte[] upright = TestImageBytes.withExifOrientation(JPEG, 1, ByteOrder.BIG_ENDIAN);
        assertThat(ImageIntake.accept(upright, ImageLimits.defaults()).bytes()).isEqualTo(upright);
    }

    @Test
    void aJpegWithMalformedExifIsAcceptedUnchanged() {
        byte[] payload = patched(TestImageBytes.exifPayload(6, ByteOrder.BIG_ENDIAN), 10, 0x7F);
        byte[] jpeg = TestImageBytes.withSegmentAfterSoi(JPEG, 0xE1, payload);
        AcceptedImage image = ImageIntake.accept(jpeg, ImageLimits.defaults());
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertCorners(image.decoded(), TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
    }

    private static void assertCorners(BufferedImage img, Color topLeft, Color topRight, Color bottomLeft,
                                      Color bottomRight) {
        int right = img.getWidth() - 3;
        int bottom = img.getHeight() - 3;
        assertThat(near(img.getRGB(2, 2), topLeft)).as("top left").isTrue();
        assertThat(near(img.getRGB(right, 2), topRight)).as("top right").isTrue();
        assertThat(near(img.getRGB(2, bottom), bottomLeft)).as("bottom left").isTrue();
        assertThat(near(img.getRGB(right, bottom), bottomRight)).as("bottom right").isTrue();
    }

    private static Orientation readWithPayload(byte[] payload) {
        return ExifOrientation.read(TestImageBytes.withSegmentAfterSoi(JPEG, 0xE1, payload));
    }

    private static byte[] patched(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }
}
