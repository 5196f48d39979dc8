package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_BUFFER_HOLE;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_DTYPE_UNSUPPORTED;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_HEADER_INVALID;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_OFFSETS_OVERLAP;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_OFFSET_OUT_OF_RANGE;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_SHAPE_MISMATCH;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_TRAILING_BYTES;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and checks a safetensors JSON header against the size of the data buffer after it, with
 * the reference implementation's rules: every tensor's bytes match its dtype and shape, lie inside
 * the buffer, and the tensors tile the buffer from 0 to its end with no overlap and no hole.
 */
final class SafetensorsHeader {

    static final String METADATA_KEY = "__metadata__";

    private final String file;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<TensorInfo> tensors = new ArrayList<>();

    private SafetensorsHeader(String file) {
        this.file = file;
    }

    /** {@code file} names the file in messages; {@code dataLength} = file size - 8 - header length. */
    static SafetensorsHeader parse(byte[] headerBytes, long dataLength, String file) {
        SafetensorsHeader header = new SafetensorsHeader(file);
        JsonObject json = StrictJson.readObject(headerBytes, file + ": the safetensors header", SAFETENSORS_HEADER_INVALID);
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            if (entry.getKey().equals(METADATA_KEY)) {
                header.readMetadata(entry.getValue());
            } else {
                header.tensors.add(header.readTensor(entry.getKey(), entry.getValue(), dataLength));
            }
        }
        header.checkTiling(dataLength);
        return header;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    /** In buffer order. */
    List<TensorInfo> tensors() {
        return tensors;
    }

    private void readMetadata(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw invalid(METADATA_KEY + " is not a JSON object");
        }
        object.forEach((key, v) -> {
            if (!(v instanceof JsonString s)) {
                throw invalid(METADATA_KEY + " entry '" + key + "' is not a string");
            }
            metadata.put(key, s.getString());
        });
    }

    private TensorInfo readTensor(String name, JsonValue value, long dataLength) {
        if (!(value instanceof JsonObject entry)) {
            throw invalid("tensor '" + name + "' is not described by a JSON object");
        }
        TensorDtype dtype = readDtype(name, entry.get("dtype"));
        long[] shape = readNonNegativeInts(name, "shape", entry.get("shape"));
        long[] offsets = readNonNegativeInts(name, "data_offsets", entry.get("data_offsets"));
        if (offsets.length != 2) {
            throw invalid("tensor '" + name + "' data_offsets has " + offsets.length + " values, not [begin, end]");
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end || end > dataLength) {
            throw new AdapterRejectedException(SAFETENSORS_OFFSET_OUT_OF_RANGE, file + ": tensor '" + name
                    + "' data_offsets [" + begin + ", " + end + "] are outside the data buffer of " + dataLength + " bytes");
        }
        checkSize(name, dtype, shape, end - begin);
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private TensorDtype readDtype(String name, JsonValue value) {
        if (!(value instanceof JsonString s)) {
            throw invalid("tensor '" + name + "' has no dtype string");
        }
        TensorDtype dtype = TensorDtype.fromHeader(s.getString());
        if (dtype == null) {
            throw new AdapterRejectedException(SAFETENSORS_DTYPE_UNSUPPORTED, file + ": tensor '" + name + "' has dtype "
                    + s.getString() + "; only " + Arrays.toString(TensorDtype.values()) + " are accepted");
        }
        return dtype;
    }

    private long[] readNonNegativeInts(String name, String field, JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw invalid("tensor '" + name + "' has no " + field + " array");
        }
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegativeLong(name, field, array.get(i));
        }
        return out;
    }

    private long nonNegativeLong(String name, String field, JsonValue value) {
        try {
            long v = ((JsonNumber) value).longValueExact();
            if (v >= 0) {
                return v;
            }
        } catch (ClassCastException | ArithmeticException e) {
            // reported below with the field's name
        }
        throw invalid("tensor '" + name + "' " + field + " holds " + value + ", not a non-negative integer");
    }

    private void checkSize(String name, TensorDtype dtype, long[] shape, long byteLength) {
        long expected;
        try {
            expected = Math.multiplyExact(TensorInfo.elementCount(shape), dtype.byteSize());
        } catch (ArithmeticException e) {
            expected = -1;
        }
        if (expected != byteLength) {
            throw new AdapterRejectedException(SAFETENSORS_SHAPE_MISMATCH, file + ": tensor '" + name + "' shape "
                    + Arrays.toString(shape) + " " + dtype + " needs " + (expected < 0 ? "more than 2^63" : expected)
                    + " bytes but its data_offsets span " + byteLength);
        }
    }

    /** Buffer order; then each tensor must start where the previous one ended. */
    private void checkTiling(long dataLength) {
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long covered = 0;
        TensorInfo previous = null;
        for (TensorInfo t : tensors) {
            if (t.begin() < covered) {
                throw new AdapterRejectedException(SAFETENSORS_OFFSETS_OVERLAP, file + ": tensor '" + t.name()
                        + "' [" + t.begin() + ", " + t.end() + ") overlaps tensor '" + previous.name() + "' ["
                        + previous.begin() + ", " + previous.end() + ")");
            }
            if (t.begin() > covered) {
                throw new AdapterRejectedException(SAFETENSORS_BUFFER_HOLE, file + ": bytes [" + covered + ", "
                        + t.begin() + ") of the data buffer belong to no tensor (before '" + t.name() + "')");
            }
            covered = t.end();
            previous = t;
        }
        if (covered != dataLength) {
            throw new AdapterRejectedException(SAFETENSORS_TRAILING_BYTES, file + ": the data buffer has "
                    + (dataLength - covered) + " bytes after the last tensor (" + dataLength + " bytes, tensors end at "
                    + covered + ")");
        }
    }

    private AdapterRejectedException invalid(String why) {
        return new AdapterRejectedException(SAFETENSORS_HEADER_INVALID, file + ": " + why);
    }
}
