package ai.seed.inference.adapters;

import java.util.List;

/**
 * The byte-level matrix operations of rank concatenation, on row-major little-endian matrices:
 * stacking A_i [r_i, in] vertically is plain concatenation; putting B_i [out, r_i] side by side
 * interleaves their rows. Optional rescaling and dtype conversion go through float.
 */
final class LoraConcat {

    private LoraConcat() {
    }

    /** [A_1; ...; A_K]: rows of A_1, then rows of A_2, ... */
    static byte[] stackRows(List<byte[]> matrices) {
        int length = matrices.stream().mapToInt(m -> m.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] m : matrices) {
            System.arraycopy(m, 0, out, at, m.length);
            at += m.length;
        }
        return out;
    }

    /** [B_1 ... B_K]: for each of the {@code rows} rows, that row of B_1, then of B_2, ... */
    static byte[] concatColumns(List<byte[]> matrices, List<Integer> columns, int rows, int elementSize) {
        int width = columns.stream().mapToInt(Integer::intValue).sum() * elementSize;
        byte[] out = new byte[Math.multiplyExact(width, rows)];
        int at = 0;
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < matrices.size(); i++) {
                int rowBytes = columns.get(i) * elementSize;
                System.arraycopy(matrices.get(i), row * rowBytes, out, at, rowBytes);
                at += rowBytes;
            }
        }
        return out;
    }

    /** Each element times {@code factor}, from {@code from} to {@code to}; the product is rounded once to float. */
    static byte[] scaled(byte[] raw, TensorDtype from, TensorDtype to, double factor) {
        float[] values = from.decode(raw);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] * factor);
        }
        return to.encode(values);
    }

    /** The same values in another dtype (exact when widening to F32). */
    static byte[] converted(byte[] raw, TensorDtype from, TensorDtype to) {
        return from == to ? raw : to.encode(from.decode(raw));
    }
}
