package ai.seed.inference.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent safetensors implementation agrees with ours: DJL (PyTorch engine,
 * offline, libtorch from the test classpath) reads a file our writer made, and our reader reads
 * a file DJL wrote.
 */
class DjlSafetensorsTest {

    @TempDir
    Path tmp;

    @Test
    void djlReadsWhatWeWrite() throws IOException {
        Path file = tmp.resolve("adapter_model.safetensors");
        SafetensorsFile.write(file, Map.of("format", "pt"), List.of(
                Tensor.f32("base_model.model.q_proj.lora_A.weight", new long[] {2, 3}, 1, 2, 3, 4, 5, 6),
                Tensor.of("base_model.model.q_proj.lora_B.weight", TensorDtype.F16, new long[] {3, 2}, 1, -2.5f, 0.5f,
                        65504, 0, -1)));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList list = NDList.decode(manager, Files.readAllBytes(file));
            NDArray a = list.get("base_model.model.q_proj.lora_A.weight");
            NDArray b = list.get("base_model.model.q_proj.lora_B.weight");
            assertThat(a.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(a.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(a.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(b.getShape()).isEqualTo(new Shape(3, 2));
            assertThat(b.getDataType()).isEqualTo(DataType.FLOAT16);
            assertThat(b.toType(DataType.FLOAT32, false).toFloatArray()).containsExactly(1, -2.5f, 0.5f, 65504, 0, -1);
        }
    }

    @Test
    void weReadWhatDjlWrites() throws IOException {
        Path file = tmp.resolve("djl.safetensors");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            a.setName("a");
            NDArray h = manager.create(new float[] {-2.5f, 3}, new Shape(2)).toType(DataType.FLOAT16, false);
            h.setName("h");
            Files.write(file, new NDList(a, h).encode(NDList.Encoding.SAFETENSORS));
        }
        SafetensorsFile read = SafetensorsFile.open(file);
        assertThat(read.tensors()).extracting(TensorInfo::name).containsExactlyInAnyOrder("a", "h");
        assertThat(read.readFloats("a")).containsExactly(1, 2, 3, 4);
        assertThat(read.tensor("h").orElseThrow().dtype()).isEqualTo(TensorDtype.F16);
        assertThat(read.readFloats("h")).containsExactly(-2.5f, 3);
    }
}
