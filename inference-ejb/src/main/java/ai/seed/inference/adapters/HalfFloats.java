package ai.seed.inference.adapters;

/**
 * IEEE binary16 (F16) and bfloat16 (BF16) conversions, because Java 17 has neither
 * ({@code Float.float16ToFloat} came in Java 20). Narrowing rounds to nearest, ties to even, as
 * PyTorch does; NaN stays NaN (made quiet), infinities stay infinite, F16 overflow becomes
 * infinity and tiny values become F16 subnormals or signed zero. Widening is exact.
 */
final class HalfFloats {

    private static final int F16_EXP_MASK = 0x7c00;
    private static final int F16_QUIET_BIT = 0x0200;
    /** Biased float exponents of 2^-14 (smallest normal F16) and 2^16 (past the largest F16). */
    private static final int FLOAT_EXP_F16_MIN_NORMAL = 113;
    private static final int FLOAT_EXP_F16_OVERFLOW = 143;
    /** 2^-25 as float bits: half the smallest F16 subnormal; up to it a value rounds to zero. */
    private static final int HALF_OF_MIN_SUBNORMAL = 0x33000000;

    private HalfFloats() {
    }

    static float f16ToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exp == 0) {
            // zero or subnormal: mantissa * 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mantissa << 13));
    }

    static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        int exp = abs >>> 23;
        if (exp == 0xff) {
            boolean nan = (abs & 0x7fffff) != 0;
            return (short) (sign | F16_EXP_MASK | (nan ? F16_QUIET_BIT | ((abs >>> 13) & 0x3ff) : 0));
        }
        if (exp >= FLOAT_EXP_F16_OVERFLOW) {
            return (short) (sign | F16_EXP_MASK);
        }
        if (exp >= FLOAT_EXP_F16_MIN_NORMAL) {
            // rebias the exponent, keep 10 of 23 mantissa bits; a carry may reach infinity, as it should
            int truncated = ((exp - 112) << 10) | ((abs & 0x7fffff) >>> 13);
            return (short) (sign | roundHalfEven(truncated, abs & 0x1fff, 13));
        }
        if (abs <= HALF_OF_MIN_SUBNORMAL) {
            return (short) sign;
        }
        // subnormal: value / 2^-24 = significand * 2^(exp - 126), a right shift by 126 - exp (14..24)
        int significand = (abs & 0x7fffff) | 0x800000;
        int shift = 126 - exp;
        int truncated = significand >>> shift;
        return (short) (sign | roundHalfEven(truncated, significand & ((1 << shift) - 1), shift));
    }

    static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }

    static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        // add just under half an ulp, plus one when the kept part is odd: ties go to even
        int bias = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + bias) >>> 16);
    }

    /** Rounds {@code truncated} up when the dropped bits exceed half, or equal it and truncated is odd. */
    private static int roundHalfEven(int truncated, int dropped, int droppedBits) {
        int half = 1 << (droppedBits - 1);
        if (dropped > half || (dropped == half && (truncated & 1) == 1)) {
            return truncated + 1;
        }
        return truncated;
    }
}
