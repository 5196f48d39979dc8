package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.TinyAdapters.rawSafetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors reader's checks, one hostile file each, and the writer's layout. */
class SafetensorsFileTest {

    private static final String TENSOR = "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}";

    @TempDir
    Path tmp;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(tmp.resolve("adapter_model.safetensors"), bytes);
    }

    private AdapterRejectedException refusal(byte[] bytes) throws IOException {
        Path file = file(bytes);
        try {
            SafetensorsFile.open(file);
        } catch (AdapterRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void writesWhatItReadsBackWithTheReferenceLayout() throws IOException {
        Path file = tmp.resolve("x.safetensors");
        SafetensorsFile.write(file, Map.of("format", "pt"), List.of(
                Tensor.of("half", TensorDtype.F16, new long[] {3}, 1, -2.5f, 65504),
                Tensor.f32("b", new long[] {2}, 3, 4),
                Tensor.f32("a", new long[] {1, 2}, 1, 2)));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(headerLength % 8).as("header padded to 8 bytes").isZero();
        assertThat(header.stripTrailing()).isEqualTo("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"half\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[16,22]}}");
        assertThat(header.substring(header.stripTrailing().length())).matches(" *");
        assertThat(bytes).hasSize((int) (8 + headerLength + 22));

        SafetensorsFile read = SafetensorsFile.open(file);
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(read.tensors()).extracting(TensorInfo::name).containsExactly("a", "b", "half");
        assertThat(read.tensors().get(2)).isEqualTo(new TensorInfo("half", TensorDtype.F16, new long[] {3}, 16, 22));
        assertThat(read.readFloats("a")).containsExactly(1, 2);
        assertThat(read.readFloats("half")).containsExactly(1, -2.5f, 65504);
        assertThat(read.readBytes(read.tensor("b").orElseThrow())).isEqualTo(TensorDtype.F32.encode(new float[] {3, 4}));
        assertThat(read.dataLength()).isEqualTo(22);
    }

    @Test
    void theWriterRefusesRepeatedNamesAndLeavesNoFile() {
        Path file = tmp.resolve("dup.safetensors");
        assertThatThrownBy(() -> SafetensorsFile.write(file, Map.of(), List.of(Tensor.f32("a", new long[] {1}, 1),
                Tensor.f32("a", new long[] {1}, 2)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void anEmptyTensorAndAScalarAreFine() throws IOException {
        SafetensorsFile read = SafetensorsFile.open(file(rawSafetensors("{\"e\":{\"dtype\":\"F32\",\"shape\":[0,3],"
                + "\"data_offsets\":[0,0]},\"s\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[0,2]}}", new byte[2])));
        assertThat(read.tensors()).extracting(TensorInfo::name).containsExactly("e", "s");
    }

    @Test
    void fewerThanEightBytesIsTruncated() throws IOException {
        assertThat(refusal(new byte[5]).code()).isEqualTo("safetensors-truncated");
    }

    @Test
    void aHeaderLengthPastTheEndIsTruncated() throws IOException {
        String header = "{" + TENSOR + "}";
        AdapterRejectedException e = refusal(rawSafetensors(header.length() + 100, header, new byte[16]));
        assertThat(e.code()).isEqualTo("safetensors-truncated");
        assertThat(e.getMessage()).contains("past the end");
    }

    @Test
    void aHugeHeaderLengthIsRefusedBeforeReading() throws IOException {
        AdapterRejectedException e = refusal(rawSafetensors(1L << 40, "{}", new byte[0]));
        assertThat(e.code()).isEqualTo("safetensors-header-too-large");
        assertThat(e.getMessage()).contains(Long.toString(1L << 40)).contains("100 MiB");
        assertThat(refusal(rawSafetensors(-8, "{}", new byte[0])).getMessage())
                .as("read as unsigned").contains("18446744073709551608");
    }

    @Test
    void dataCutShortIsOutOfRange() throws IOException {
        AdapterRejectedException e = refusal(rawSafetensors("{" + TENSOR + "}", new byte[10]));
        assertThat(e.code()).isEqualTo("safetensors-offset-out-of-range");
        assertThat(e.getMessage()).contains("'w'").contains("[0, 16]").contains("10 bytes");
    }

    @Test
    void aHeaderThatIsNotJsonIsInvalid() throws IOException {
        assertThat(refusal(rawSafetensors("not json at all!", new byte[0])).code()).isEqualTo("safetensors-header-invalid");
        assertThat(refusal(rawSafetensors("{\"w\": {\"dtype\": ", new byte[0])).code()).isEqualTo("safetensors-header-invalid");
        assertThat(refusal(rawSafetensors("[1,2,3]", new byte[0])).code()).isEqualTo("safetensors-header-invalid");
        byte[] latin1 = rawSafetensors(4, "", new byte[] {'{', '"', (byte) 0xe9, '}'});
        assertThat(refusal(latin1).getMessage()).contains("UTF-8");
    }

    @Test
    void aTensorNamedTwiceIsInvalid() throws IOException {
        AdapterRejectedException e = refusal(rawSafetensors("{" + TENSOR + "," + TENSOR + "}", new byte[16]));
        assertThat(e.code()).isEqualTo("safetensors-header-invalid");
    }

    @Test
    void badFieldsAreInvalidWithTheirTensorName() throws IOException {
        String negative = "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2,2],\"data_offsets\":[0,16]}}";
        assertThat(refusal(rawSafetensors(negative, new byte[16])).getMessage()).contains("'w'").contains("shape");
        String fraction = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16.5]}}";
        assertThat(refusal(rawSafetensors(fraction, new byte[16])).code()).isEqualTo("safetensors-header-invalid");
        String metadata = "{\"__metadata__\":{\"epochs\":3}," + TENSOR + "}";
        assertThat(refusal(rawSafetensors(metadata, new byte[16])).getMessage()).contains("epochs");
    }

    @Test
    void overlappingOffsetsAreRefused() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        AdapterRejectedException e = refusal(rawSafetensors(header, new byte[12]));
        assertThat(e.code()).isEqualTo("safetensors-offsets-overlap");
        assertThat(e.getMessage()).contains("'b'").contains("'a'");
    }

    @Test
    void offsetsPastTheEndAreRefused() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertThat(refusal(rawSafetensors(header, new byte[12])).code()).isEqualTo("safetensors-offset-out-of-range");
        String backwards = "{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}";
        assertThat(refusal(rawSafetensors(backwards, new byte[8])).code()).isEqualTo("safetensors-offset-out-of-range");
    }

    @Test
    void aHoleInTheBufferIsRefused() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}";
        AdapterRejectedException e = refusal(rawSafetensors(header, new byte[20]));
        assertThat(e.code()).isEqualTo("safetensors-buffer-hole");
        assertThat(e.getMessage()).contains("[8, 12)");
        String late = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertThat(refusal(rawSafetensors(late, new byte[12])).code()).isEqualTo("safetensors-buffer-hole");
    }

    @Test
    void bytesAfterTheLastTensorAreRefused() throws IOException {
        AdapterRejectedException e = refusal(rawSafetensors("{" + TENSOR + "}", new byte[20]));
        assertThat(e.code()).isEqualTo("safetensors-trailing-bytes");
        assertThat(e.getMessage()).contains("4 bytes after");
    }

    @Test
    void aShapeThatDoesNotFitItsBytesIsRefused() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,16]}}";
        AdapterRejectedException e = refusal(rawSafetensors(header, new byte[16]));
        assertThat(e.code()).isEqualTo("safetensors-shape-mismatch");
        assertThat(e.getMessage()).contains("'w'").contains("[2, 3]").contains("24").contains("16");
        String overflow = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}}";
        assertThat(refusal(rawSafetensors(overflow, new byte[16])).code()).isEqualTo("safetensors-shape-mismatch");
    }

    @Test
    void integerAndOtherDtypesAreRefusedByName() throws IOException {
        String header = "{\"steps\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        AdapterRejectedException e = refusal(rawSafetensors(header, new byte[16]));
        assertThat(e.code()).isEqualTo("safetensors-dtype-unsupported");
        assertThat(e.getMessage()).contains("'steps'").contains("I64");
    }

    @Test
    void aTensorFromAnotherFileCannotBeRead() throws IOException {
        SafetensorsFile read = SafetensorsFile.open(file(rawSafetensors("{" + TENSOR + "}", new byte[16])));
        TensorInfo forged = new TensorInfo("w", TensorDtype.F32, new long[] {4, 4}, 0, 64);
        assertThatThrownBy(() -> read.readBytes(forged)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.stream(read.tensors().get(0).shape()).sum()).isEqualTo(4);
    }
}
