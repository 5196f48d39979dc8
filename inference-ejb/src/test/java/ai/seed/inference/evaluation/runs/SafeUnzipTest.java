package ai.seed.inference.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.service.ServiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Unpacking uploads: the good case, zip slip, zip bombs, too many entries, not a zip. */
class SafeUnzipTest {

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static ServiceException refusal(SafeUnzip unzip, byte[] zip) {
        try {
            Path p = unzip.unzip(new ByteArrayInputStream(zip));
            Folders.deleteQuietly(p);
            throw new AssertionError("accepted");
        } catch (ServiceException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unpacksFoldersAndFiles() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("train/bo/", new byte[0]);
        entries.put("train/bo/0.png", new byte[] {1, 2, 3});
        entries.put("descriptions.json", "{}".getBytes());
        Path root = SafeUnzip.defaults().unzip(new ByteArrayInputStream(zip(entries)));
        try {
            assertThat(Files.readAllBytes(root.resolve("train/bo/0.png"))).containsExactly(1, 2, 3);
            assertThat(root.resolve("descriptions.json")).exists();
        } finally {
            Folders.deleteQuietly(root);
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void macOsLitterIsNotUnpacked() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("yollava-data/train/bo/0.png", new byte[] {1});
        entries.put("yollava-data/.DS_Store", new byte[] {0});
        entries.put("__MACOSX/yollava-data/train/bo/._0.png", new byte[] {0});
        entries.put("yollava-data/train/bo/._0.png", new byte[] {0});
        Path root = SafeUnzip.defaults().unzip(new ByteArrayInputStream(zip(entries)));
        try (var all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')))
                    .containsExactly("yollava-data/train/bo/0.png");
        } finally {
            Folders.deleteQuietly(root);
        }
    }

    @Test
    void entriesOutsideTheFolderAreRefusedWithTheirName() throws IOException {
        ServiceException up = refusal(SafeUnzip.defaults(), zip(Map.of("train/../../etc/passwd", new byte[1])));
        assertThat(up.code()).isEqualTo("zip-slip");
        assertThat(up.getMessage()).contains("train/../../etc/passwd");
        assertThat(refusal(SafeUnzip.defaults(), zip(Map.of("/abs/path.txt", new byte[1]))).code()).isEqualTo("zip-slip");
        assertThat(refusal(SafeUnzip.defaults(), zip(Map.of("C:\\\\x.txt", new byte[1]))).code()).isEqualTo("zip-slip");
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws IOException {
        // 4 MiB of zeros compress to a few KiB; the limit is counted on the inflated bytes.
        ServiceException e = refusal(new SafeUnzip(100, 1024 * 1024), zip(Map.of("zeros.bin", new byte[4 << 20])));
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).contains("1 MiB");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.put("f" + i, new byte[1]);
        }
        ServiceException e = refusal(new SafeUnzip(5, 1 << 20), zip(entries));
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).contains("more than 5 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThat(refusal(SafeUnzip.defaults(), "hello, not a zip".getBytes()).code()).isEqualTo("bad-zip");
        assertThat(refusal(SafeUnzip.defaults(), new byte[0]).code()).isEqualTo("bad-zip");
        assertThatThrownBy(() -> SafeUnzip.resolve(Path.of("/tmp/x"), "a/../../b")).isInstanceOf(ServiceException.class);
    }
}
