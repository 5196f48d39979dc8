package ai.seed.inference.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** F16 and BF16 conversions: known encodings, rounding to nearest even, subnormals, NaN and infinities. */
class HalfFloatsTest {

    private static int f16(float v) {
        return HalfFloats.floatToF16(v) & 0xffff;
    }

    private static int bf16(float v) {
        return HalfFloats.floatToBf16(v) & 0xffff;
    }

    @Test
    void f16KnownValues() {
        assertThat(f16(1.0f)).isEqualTo(0x3c00);
        assertThat(f16(-2.5f)).isEqualTo(0xc100);
        assertThat(f16(65504f)).isEqualTo(0x7bff);
        assertThat(f16(0.0f)).isEqualTo(0x0000);
        assertThat(f16(-0.0f)).isEqualTo(0x8000);
        assertThat(f16(0x1p-14f)).as("smallest normal").isEqualTo(0x0400);
        assertThat(f16(0x1p-24f)).as("smallest subnormal").isEqualTo(0x0001);
        assertThat(f16(1023 * 0x1p-24f)).as("largest subnormal").isEqualTo(0x03ff);
        assertThat(f16(1.0f / 3)).isEqualTo(0x3555);
        assertThat(HalfFloats.f16ToFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(HalfFloats.f16ToFloat((short) 0xc100)).isEqualTo(-2.5f);
        assertThat(HalfFloats.f16ToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(HalfFloats.f16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloats.f16ToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfFloats.f16ToFloat((short) 0x8001)).isEqualTo(-0x1p-24f);
    }

    @Test
    void f16RoundsToNearestEvenAndOverflowsToInfinity() {
        assertThat(f16(1 + 0x1p-11f)).as("tie between 0x3c00 and 0x3c01 goes to even").isEqualTo(0x3c00);
        assertThat(f16(1 + 3 * 0x1p-11f)).as("tie between 0x3c01 and 0x3c02 goes to even").isEqualTo(0x3c02);
        assertThat(f16(1 + 0x1p-11f + 0x1p-20f)).as("just above the tie rounds up").isEqualTo(0x3c01);
        assertThat(f16(65519f)).as("below the halfway point to 2^16 stays finite").isEqualTo(0x7bff);
        assertThat(f16(65520f)).as("halfway to 2^16 rounds to infinity").isEqualTo(0x7c00);
        assertThat(f16(1e10f)).isEqualTo(0x7c00);
        assertThat(f16(-1e10f)).isEqualTo(0xfc00);
        assertThat(f16(0x1p-25f)).as("half the smallest subnormal ties to zero").isEqualTo(0x0000);
        assertThat(f16(0x1.8p-25f)).as("more than half rounds to the smallest subnormal").isEqualTo(0x0001);
        assertThat(f16(3 * 0x1p-25f)).as("1.5 subnormal units tie to 2").isEqualTo(0x0002);
        assertThat(f16(1e-10f)).isEqualTo(0x0000);
        assertThat(f16(-1e-10f)).isEqualTo(0x8000);
        assertThat(f16(0x1p-14f - 0x1p-26f)).as("rounds up across into the normals").isEqualTo(0x0400);
    }

    @Test
    void f16NanAndInfinity() {
        assertThat(f16(Float.POSITIVE_INFINITY)).isEqualTo(0x7c00);
        assertThat(f16(Float.NEGATIVE_INFINITY)).isEqualTo(0xfc00);
        int nan = f16(Float.NaN);
        assertThat(nan & 0x7c00).isEqualTo(0x7c00);
        assertThat(nan & 0x03ff).isNotZero();
        assertThat(f16(Float.intBitsToFloat(0x7f800001))).as("a signalling NaN stays a NaN").isNotEqualTo(0x7c00);
        assertThat(HalfFloats.f16ToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.f16ToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloats.f16ToFloat((short) 0x7e00)).isNaN();
    }

    @Test
    void everyF16SurvivesARoundTripThroughFloat() {
        for (int h = 0; h <= 0xffff; h++) {
            float f = HalfFloats.f16ToFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(f)))).isTrue();
            } else {
                assertThat(f16(f)).as("0x%04x", h).isEqualTo(h);
            }
        }
    }

    @Test
    void f16IsTheNearestValueForRandomFloats() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // spread over the whole F16 range, subnormals included
            float f = (float) ((random.nextDouble() * 2 - 1) * Math.pow(2, random.nextInt(44) - 28));
            int h = f16(f);
            double chosen = Math.abs(HalfFloats.f16ToFloat((short) h) - (double) f);
            for (int neighbour : new int[] {h - 1, h + 1}) {
                if ((neighbour & 0x7fff) < 0x7c00 && (neighbour & 0x8000) == (h & 0x8000)) {
                    double other = Math.abs(HalfFloats.f16ToFloat((short) neighbour) - (double) f);
                    assertThat(chosen).as("%s -> 0x%04x", f, h).isLessThanOrEqualTo(other);
                    if (chosen == other) {
                        assertThat(h & 1).as("tie for %s goes to even", f).isZero();
                    }
                }
            }
        }
    }

    @Test
    void bf16KnownValues() {
        assertThat(bf16(1.0f)).isEqualTo(0x3f80);
        assertThat(bf16(-2.5f)).isEqualTo(0xc020);
        assertThat(bf16(0.0f)).isEqualTo(0x0000);
        assertThat(bf16(-0.0f)).isEqualTo(0x8000);
        assertThat(bf16(1 + 0x1p-8f)).as("tie goes to even").isEqualTo(0x3f80);
        assertThat(bf16(1 + 3 * 0x1p-8f)).as("tie goes to even, upwards").isEqualTo(0x3f82);
        assertThat(bf16(1 + 0x1p-8f + 0x1p-20f)).as("above the tie rounds up").isEqualTo(0x3f81);
        assertThat(bf16(Float.MAX_VALUE)).as("rounds past the largest BF16 to infinity").isEqualTo(0x7f80);
        assertThat(bf16(Float.MIN_VALUE)).as("float subnormal below half a BF16 subnormal").isEqualTo(0x0000);
        assertThat(bf16(Float.intBitsToFloat(0x00010000))).as("a BF16 subnormal").isEqualTo(0x0001);
        assertThat(bf16(Float.POSITIVE_INFINITY)).isEqualTo(0x7f80);
        assertThat(bf16(Float.NEGATIVE_INFINITY)).isEqualTo(0xff80);
        assertThat(bf16(Float.NaN) & 0x7f80).isEqualTo(0x7f80);
        assertThat(bf16(Float.NaN) & 0x007f).isNotZero();
        assertThat(bf16(Float.intBitsToFloat(0x7f800001))).as("NaN payload below BF16 precision stays NaN")
                .isNotEqualTo(0x7f80);
        assertThat(HalfFloats.bf16ToFloat((short) 0xc020)).isEqualTo(-2.5f);
        assertThat(HalfFloats.bf16ToFloat((short) 0x0001)).isEqualTo(Float.intBitsToFloat(0x00010000));
    }

    @Test
    void everyBf16SurvivesARoundTripThroughFloat() {
        for (int h = 0; h <= 0xffff; h++) {
            float f = HalfFloats.bf16ToFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(f)))).isTrue();
            } else {
                assertThat(bf16(f)).as("0x%04x", h).isEqualTo(h);
            }
        }
    }

    @Test
    void dtypesEncodeAndDecodeLittleEndian() {
        assertThat(TensorDtype.F16.encode(new float[] {1.0f})).containsExactly(0x00, 0x3c);
        assertThat(TensorDtype.BF16.encode(new float[] {1.0f})).containsExactly(0x80, 0x3f);
        assertThat(TensorDtype.F32.encode(new float[] {1.0f})).containsExactly(0x00, 0x00, 0x80, 0x3f);
        assertThat(TensorDtype.F16.decode(new byte[] {0x00, (byte) 0xc1})).containsExactly(-2.5f);
    }
}
