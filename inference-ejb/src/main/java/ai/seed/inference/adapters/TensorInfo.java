package ai.seed.inference.adapters;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor as a safetensors header describes it: offsets are relative to the data buffer that
 * follows the header, {@code end} exclusive. Validated by {@link SafetensorsFile}: the byte range
 * holds exactly {@code elementCount() * dtype.byteSize()} bytes.
 */
public record TensorInfo(String name, TensorDtype dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public long byteLength() {
        return end - begin;
    }

    /** The product of the shape (1 for a scalar); throws ArithmeticException on overflow. */
    public long elementCount() {
        return elementCount(shape);
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + "," + end + ")";
    }
}
