package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_HEADER_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.SAFETENSORS_TRUNCATED;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated safetensors file (https://github.com/huggingface/safetensors): an 8-byte
 * little-endian header length N, N bytes of UTF-8 JSON, then the tensors' bytes. Opening reads
 * and checks only the header (see {@link SafetensorsHeader} for the rules); tensor bytes are read
 * on demand, one tensor at a time, so a large file never sits in memory.
 *
 * <pre>
 *  | N (u64 LE) | {"__metadata__":{..},"name":{"dtype","shape","data_offsets":[b,e]},..} + spaces | data |
 *  0            8                                                                          8+N    size
 * </pre>
 */
public final class SafetensorsFile {

    private final Path path;
    private final long dataStart;
    private final long dataLength;
    private final Map<String, String> metadata;
    private final List<TensorInfo> tensors;
    private final Map<String, TensorInfo> byName = new LinkedHashMap<>();

    private SafetensorsFile(Path path, long dataStart, long dataLength, SafetensorsHeader header) {
        this.path = path;
        this.dataStart = dataStart;
        this.dataLength = dataLength;
        this.metadata = Collections.unmodifiableMap(header.metadata());
        this.tensors = List.copyOf(header.tensors());
        tensors.forEach(t -> byName.put(t.name(), t));
    }

    /** Opens with the reference reader's 100 MiB header limit. */
    public static SafetensorsFile open(Path path) throws IOException {
        return open(path, AdapterLimits.DEFAULT_MAX_HEADER_BYTES);
    }

    /** Reads and validates the header; throws {@link AdapterRejectedException} for a malformed file. */
    public static SafetensorsFile open(Path path, long maxHeaderBytes) throws IOException {
        String file = String.valueOf(path.getFileName());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new AdapterRejectedException(SAFETENSORS_TRUNCATED,
                        file + " has " + size + " bytes, fewer than the 8 of the header length");
            }
            long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            // unsigned: a length of 2^63 or more reads as negative and is just as much too large
            if (headerLength < 0 || headerLength > maxHeaderBytes) {
                throw new AdapterRejectedException(SAFETENSORS_HEADER_TOO_LARGE, file + " declares a header of "
                        + Long.toUnsignedString(headerLength) + " bytes; the limit is " + AdapterLimits.describe(maxHeaderBytes));
            }
            if (headerLength > size - 8) {
                throw new AdapterRejectedException(SAFETENSORS_TRUNCATED, file + " declares a header of " + headerLength
                        + " bytes but only " + (size - 8) + " bytes follow the length: the header length is past the end");
            }
            byte[] headerBytes = readFully(channel, 8, (int) headerLength).array();
            long dataLength = size - 8 - headerLength;
            SafetensorsHeader header = SafetensorsHeader.parse(headerBytes, dataLength, file);
            return new SafetensorsFile(path, 8 + headerLength, dataLength, header);
        }
    }

    public Path path() {
        return path;
    }

    /** The optional {@code __metadata__} strings (PEFT writes {"format": "pt"}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Every tensor, in the order of the data buffer. */
    public List<TensorInfo> tensors() {
        return tensors;
    }

    public Optional<TensorInfo> tensor(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Bytes of the data buffer (file size - 8 - header length). */
    public long dataLength() {
        return dataLength;
    }

    /** One tensor's raw little-endian bytes; the tensor must come from this file. */
    public byte[] readBytes(TensorInfo tensor) throws IOException {
        if (!tensor.equals(byName.get(tensor.name()))) {
            throw new IllegalArgumentException("tensor " + tensor + " is not in " + path);
        }
        if (tensor.byteLength() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor " + tensor.name() + " is too large for one array");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return readFully(channel, dataStart + tensor.begin(), (int) tensor.byteLength()).array();
        }
    }

    /** One tensor's values widened to float (exact for F32, F16 and BF16). */
    public float[] readFloats(TensorInfo tensor) throws IOException {
        return tensor.dtype().decode(readBytes(tensor));
    }

    /** The named tensor's values as floats; tests and small tools use it. */
    public float[] readFloats(String name) throws IOException {
        TensorInfo tensor = tensor(name).orElseThrow(() -> new IllegalArgumentException("no tensor " + name + " in " + path));
        return readFloats(tensor);
    }

    /**
     * Writes a spec-conformant file as the reference implementation lays it out: tensors sorted by
     * element size (largest first, so every tensor is aligned to its element) then by name, stored
     * contiguously from offset 0, the header padded with spaces to a multiple of 8 bytes. The file
     * must not exist yet; a failed write leaves none behind.
     */
    public static void write(Path path, Map<String, String> metadata, List<Tensor> tensors) throws IOException {
        SafetensorsWriter.write(path, metadata, tensors.stream().map(SafetensorsWriter.Entry::of).toList());
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("file ended " + buffer.remaining() + " bytes early (changed while read?)");
            }
        }
        return buffer.flip();
    }
}
