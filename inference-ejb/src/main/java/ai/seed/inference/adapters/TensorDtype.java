package ai.seed.inference.adapters;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The safetensors element types Seed accepts in a LoRA adapter: the floating types PEFT saves.
 * Others (integers, F64, FP8, BOOL) are refused because vLLM's LoRA loader and our fusion
 * arithmetic work on these three only. Values are little-endian, as the format says.
 */
public enum TensorDtype {
    F32(4),
    F16(2),
    BF16(2);

    private final int byteSize;

    TensorDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The safetensors name ("F32", ...), or null when it is not one we accept. */
    static TensorDtype fromHeader(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** Widens raw little-endian elements to floats (exact for all three types). */
    public float[] decode(byte[] raw) {
        if (raw.length % byteSize != 0) {
            throw new IllegalArgumentException(raw.length + " bytes is not a whole number of " + this + " values");
        }
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.length / byteSize];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (this) {
                case F32 -> in.getFloat();
                case F16 -> HalfFloats.f16ToFloat(in.getShort());
                case BF16 -> HalfFloats.bf16ToFloat(in.getShort());
            };
        }
        return out;
    }

    /** Narrows floats to raw little-endian elements, rounding to nearest even for F16 and BF16. */
    public byte[] encode(float[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * byteSize).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (this) {
                case F32 -> out.putFloat(v);
                case F16 -> out.putShort(HalfFloats.floatToF16(v));
                case BF16 -> out.putShort(HalfFloats.floatToBf16(v));
            }
        }
        return out.array();
    }
}
