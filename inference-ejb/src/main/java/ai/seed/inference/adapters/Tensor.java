package ai.seed.inference.adapters;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor to write with {@link SafetensorsFile#write}: its raw little-endian bytes, row-major,
 * as the safetensors format stores them. The constructor checks that the bytes fit the shape.
 */
public record Tensor(String name, TensorDtype dtype, long[] shape, byte[] data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension");
            }
        }
        long expected = Math.multiplyExact(TensorInfo.elementCount(shape), dtype.byteSize());
        if (data.length != expected) {
            throw new IllegalArgumentException("tensor " + name + " " + Arrays.toString(shape) + " " + dtype
                    + " needs " + expected + " bytes, got " + data.length);
        }
        data = data.clone();
    }

    /** An F32 tensor from values in row-major order. */
    public static Tensor f32(String name, long[] shape, float... values) {
        return new Tensor(name, TensorDtype.F32, shape, TensorDtype.F32.encode(values));
    }

    /** A tensor of any accepted dtype from float values (rounded to nearest even for F16/BF16). */
    public static Tensor of(String name, TensorDtype dtype, long[] shape, float... values) {
        return new Tensor(name, dtype, shape, dtype.encode(values));
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The bytes without a copy, for the writer in this package (the record never hands it out). */
    byte[] rawData() {
        return data;
    }

    public float[] floats() {
        return dtype.decode(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
