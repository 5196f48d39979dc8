package ai.seed.inference.adapters;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes safetensors files. Entries supply their bytes lazily so that fusion can stream one
 * tensor at a time: the header needs only dtypes and shapes. The output is a pure function of
 * the entries (metadata sorted by key), so equal inputs give equal bytes.
 */
final class SafetensorsWriter {

    /** Yields a tensor's raw bytes when the writer reaches it. */
    interface Bytes {
        byte[] get() throws IOException;
    }

    record Entry(String name, TensorDtype dtype, long[] shape, Bytes data) {

        static Entry of(Tensor tensor) {
            return new Entry(tensor.name(), tensor.dtype(), tensor.shape(), tensor::rawData);
        }

        long byteLength() {
            return Math.multiplyExact(TensorInfo.elementCount(shape), dtype.byteSize());
        }
    }

    private SafetensorsWriter() {
    }

    static void write(Path path, Map<String, String> metadata, List<Entry> entries) throws IOException {
        List<Entry> ordered = layout(entries);
        byte[] header = header(metadata, ordered);
        OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            writeBody(out, header, ordered);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path); // ours (CREATE_NEW): never leave a half-written adapter behind
            throw e;
        }
    }

    private static void writeBody(OutputStream out, byte[] header, List<Entry> ordered) throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.write(header);
        for (Entry e : ordered) {
            byte[] data = e.data().get();
            if (data.length != e.byteLength()) {
                throw new IllegalStateException("tensor " + e.name() + " yielded " + data.length + " bytes, not "
                        + e.byteLength());
            }
            out.write(data);
        }
    }

    /** The reference order: larger elements first (alignment), then by name. */
    private static List<Entry> layout(List<Entry> entries) {
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            if (e.name().equals(SafetensorsHeader.METADATA_KEY) || !names.add(e.name())) {
                throw new IllegalArgumentException("tensor name " + e.name() + " is reserved or repeated");
            }
        }
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt((Entry e) -> -e.dtype().byteSize()).thenComparing(Entry::name));
        return ordered;
    }

    private static byte[] header(Map<String, String> metadata, List<Entry> ordered) {
        StringWriter json = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(json)) {
            g.writeStartObject();
            if (metadata != null && !metadata.isEmpty()) {
                g.writeStartObject(SafetensorsHeader.METADATA_KEY);
                new TreeMap<>(metadata).forEach(g::write);
                g.writeEnd();
            }
            long offset = 0;
            for (Entry e : ordered) {
                g.writeStartObject(e.name()).write("dtype", e.dtype().name());
                g.writeStartArray("shape");
                for (long d : e.shape()) {
                    g.write(d);
                }
                g.writeEnd();
                g.writeStartArray("data_offsets").write(offset).write(offset + e.byteLength()).writeEnd();
                g.writeEnd();
                offset += e.byteLength();
            }
            g.writeEnd();
        }
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (utf8.length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        System.arraycopy(utf8, 0, header, 0, utf8.length);
        for (int i = utf8.length; i < padded; i++) {
            header[i] = ' ';
        }
        return header;
    }
}
