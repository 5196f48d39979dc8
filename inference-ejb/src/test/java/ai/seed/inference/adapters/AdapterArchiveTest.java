package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.TinyAdapters.rawSafetensors;
import static ai.seed.inference.adapters.TinyAdapters.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Uploads: the accepted layouts, and each hostile upload refused with nothing left on disk. */
class AdapterArchiveTest {

    private static final String TENSOR = "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}";

    @TempDir
    Path tmp;

    private Path scratch;
    private byte[] config;
    private byte[] weights;

    @BeforeEach
    void tinyAdapter() throws IOException {
        scratch = Files.createDirectories(tmp.resolve("scratch"));
        Path dir = TinyAdapters.write(tmp.resolve("tiny"), spec());
        config = Files.readAllBytes(dir.resolve("adapter_config.json"));
        weights = Files.readAllBytes(dir.resolve("adapter_model.safetensors"));
    }

    private AdapterArchive archive(AdapterLimits limits) {
        return new AdapterArchive(scratch, limits);
    }

    private AdapterArchive archive() {
        return archive(AdapterLimits.defaults());
    }

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

    private Map<String, byte[]> adapterFiles(String prefix) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(prefix + "adapter_config.json", config);
        entries.put(prefix + "adapter_model.safetensors", weights);
        return entries;
    }

    /** Central directory entry of {@code name}: sets a field of {@code width} bytes at {@code offset}. */
    private static byte[] patchCentral(byte[] zip, String name, int offset, int width, long value) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (buf.getInt(p) == 0x02014b50 && (buf.getShort(p + 28) & 0xffff) == wanted.length
                    && new String(zip, p + 46, wanted.length, StandardCharsets.UTF_8).equals(name)) {
                if (width == 2) {
                    buf.putShort(p + offset, (short) value);
                } else {
                    buf.putInt(p + offset, (int) value);
                }
                return zip;
            }
        }
        throw new AssertionError("no central entry " + name);
    }

    private AdapterRejectedException refusal(AdapterArchive archive, byte[] zip) throws IOException {
        try (UnpackedAdapter u = archive.fromZip(new ByteArrayInputStream(zip))) {
            throw new AssertionError("accepted into " + u.dir());
        } catch (AdapterRejectedException e) {
            assertNothingLeft();
            return e;
        }
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("scratch folder after a refusal").isEmpty();
        }
    }

    private void assertHoldsTheAdapter(UnpackedAdapter u) throws IOException {
        try (Stream<Path> files = Files.list(u.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("adapter_config.json", "adapter_model.safetensors");
        }
        assertThat(Files.readAllBytes(u.dir().resolve("adapter_model.safetensors"))).isEqualTo(weights);
        assertThat(new AdapterValidator().validate(u.dir(), TinyAdapters.BASE_MODEL).pairCount()).isEqualTo(2);
    }

    @Test
    void theTwoFilesAtTheTopAreTaken() throws IOException {
        try (UnpackedAdapter u = archive().fromZip(new ByteArrayInputStream(zip(adapterFiles(""))))) {
            assertHoldsTheAdapter(u);
            assertThat(u.warnings()).isEmpty();
            assertThat(u.dir().getParent()).isEqualTo(scratch);
        }
        assertNothingLeft();
    }

    @Test
    void oneTopLevelFolderWithMacLitterIsAcceptedAndExtrasAreListed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bo-adapter/", new byte[0]);
        entries.putAll(adapterFiles("bo-adapter/"));
        entries.put("bo-adapter/README.md", "# bo".getBytes());
        entries.put("bo-adapter/training_args.bin", new byte[] {1, 2});
        entries.put("bo-adapter/.DS_Store", new byte[] {0});
        entries.put("__MACOSX/bo-adapter/._adapter_config.json", new byte[] {0});
        try (UnpackedAdapter u = archive().fromZip(new ByteArrayInputStream(zip(entries)))) {
            assertHoldsTheAdapter(u);
            assertThat(u.warnings()).containsExactly("ignored bo-adapter/README.md", "ignored bo-adapter/training_args.bin");
        }
        assertNothingLeft();
    }

    @Test
    void unsafeNamesAreRefused() throws IOException {
        for (String name : new String[] {"../evil", "bo/../../evil", "/etc/cron.d/evil", "C:/evil", "bo\\evil", "a\u0000b"}) {
            Map<String, byte[]> entries = adapterFiles("");
            entries.put(name, new byte[] {1});
            AdapterRejectedException e = refusal(archive(), zip(entries));
            assertThat(e.code()).as(name).isEqualTo("archive-unsafe-path");
        }
        Map<String, byte[]> entries = adapterFiles("");
        entries.put("../evil", new byte[] {1});
        assertThat(refusal(archive(), zip(entries)).getMessage()).contains("'../evil'").contains("..");
    }

    @Test
    void symbolicLinksAreRefused() throws IOException {
        Map<String, byte[]> entries = adapterFiles("");
        entries.put("link", "/etc/passwd".getBytes());
        byte[] zip = zip(entries);
        patchCentral(zip, "link", 4, 2, 0x031e); // made by Unix
        patchCentral(zip, "link", 38, 4, 0120777L << 16); // mode lrwxrwxrwx
        AdapterRejectedException e = refusal(archive(), zip);
        assertThat(e.code()).isEqualTo("archive-unsafe-path");
        assertThat(e.getMessage()).contains("symbolic link 'link'");
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws IOException {
        Map<String, byte[]> entries = adapterFiles("");
        entries.put("adapter_model.safetensors", new byte[4 << 20]); // 4 MiB of zeros deflate to a few KiB
        byte[] zip = zip(entries);
        assertThat(zip.length).isLessThan(64 * 1024);
        AdapterArchive archive = archive(AdapterLimits.defaults().withMaxWeightsBytes(1 << 20));
        AdapterRejectedException e = refusal(archive, zip);
        assertThat(e.code()).isEqualTo("adapter-too-large");
        assertThat(e.tooLarge()).isTrue();
        // the central directory may claim less: the count on inflated bytes still stops it
        patchCentral(zip, "adapter_model.safetensors", 24, 4, 100);
        assertThat(refusal(archive, zip).code()).isEqualTo("adapter-too-large");
    }

    @Test
    void anEntryClaimingTwoGibIsRefusedWithoutInflating() throws IOException {
        byte[] zip = patchCentral(zip(adapterFiles("")), "adapter_model.safetensors", 24, 4, 0x80000000L);
        AdapterRejectedException e = refusal(archive(), zip);
        assertThat(e.code()).isEqualTo("adapter-too-large");
        assertThat(e.getMessage()).contains("2147483648");
    }

    @Test
    void aZipWithoutTheWeightsListsWhatItHolds() throws IOException {
        Map<String, byte[]> entries = adapterFiles("");
        entries.remove("adapter_model.safetensors");
        entries.put("adapter_model.bin", new byte[] {1});
        entries.put("README.md", new byte[] {1});
        AdapterRejectedException e = refusal(archive(), zip(entries));
        assertThat(e.code()).isEqualTo("archive-missing-file");
        assertThat(e.getMessage()).contains("no adapter_model.safetensors")
                .contains("adapter_config.json, adapter_model.bin, README.md").contains("safe_serialization");
        Map<String, byte[]> twoFolders = adapterFiles("a/");
        twoFolders.put("b/notes.txt", new byte[] {1});
        assertThat(refusal(archive(), zip(twoFolders)).code()).isEqualTo("archive-missing-file");
    }

    @Test
    void countsSizesAndBrokenZipsAreRefused() throws IOException {
        Map<String, byte[]> entries = adapterFiles("");
        for (int i = 0; i < 10; i++) {
            entries.put("extra/" + i, new byte[] {1});
        }
        assertThat(refusal(archive(AdapterLimits.defaults().withMaxEntries(5)), zip(entries)).code())
                .isEqualTo("archive-too-large");
        assertThat(refusal(archive(AdapterLimits.defaults().withMaxArchiveBytes(100)), zip(adapterFiles(""))).code())
                .isEqualTo("archive-too-large");
        assertThat(refusal(archive(), "not a zip at all".getBytes()).code()).isEqualTo("archive-invalid");
        byte[] cut = zip(adapterFiles(""));
        assertThat(refusal(archive(), java.util.Arrays.copyOf(cut, cut.length / 2)).code()).isEqualTo("archive-invalid");
    }

    @Test
    void namedPartsAreMatchedByFileName() throws IOException {
        Map<String, InputStream> parts = new LinkedHashMap<>();
        parts.put("C:\\Users\\op\\adapter_model.safetensors", new ByteArrayInputStream(weights));
        parts.put("adapter_config.json", new ByteArrayInputStream(config));
        parts.put("README.md", new ByteArrayInputStream(new byte[1]));
        try (UnpackedAdapter u = archive().fromParts(parts)) {
            assertHoldsTheAdapter(u);
            assertThat(u.warnings()).containsExactly("ignored README.md");
        }
        assertNothingLeft();
        try {
            archive().fromParts(Map.of("adapter_config.json", new ByteArrayInputStream(config)));
            throw new AssertionError("accepted");
        } catch (AdapterRejectedException e) {
            assertThat(e.code()).isEqualTo("archive-missing-file");
            assertThat(e.getMessage()).contains("adapter_model.safetensors").contains("found: adapter_config.json");
        }
        assertNothingLeft();
    }

    @Test
    void aConfigOverItsLimitIsRefused() throws IOException {
        byte[] big = new byte[2 << 20];
        try {
            archive().fromFiles(new ByteArrayInputStream(big), new ByteArrayInputStream(weights));
            throw new AssertionError("accepted");
        } catch (AdapterRejectedException e) {
            assertThat(e.code()).isEqualTo("adapter-config-too-large");
        }
        assertNothingLeft();
    }

    static Stream<Arguments> hostileWeights() {
        return Stream.of(
                Arguments.of("truncated", new byte[5], "safetensors-truncated"),
                Arguments.of("header past the end", rawSafetensors(1000, "{" + TENSOR + "}", new byte[16]),
                        "safetensors-truncated"),
                Arguments.of("header of 2^40 bytes", rawSafetensors(1L << 40, "{}", new byte[0]),
                        "safetensors-header-too-large"),
                Arguments.of("not JSON", rawSafetensors("<xml/>", new byte[0]), "safetensors-header-invalid"),
                Arguments.of("overlap", rawSafetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]),
                        "safetensors-offsets-overlap"),
                Arguments.of("past the end", rawSafetensors("{" + TENSOR + "}", new byte[8]),
                        "safetensors-offset-out-of-range"),
                Arguments.of("hole", rawSafetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", new byte[16]),
                        "safetensors-buffer-hole"),
                Arguments.of("shape/size mismatch", rawSafetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[3,2],"
                        + "\"data_offsets\":[0,16]}}", new byte[16]), "safetensors-shape-mismatch"),
                Arguments.of("I64", rawSafetensors("{\"w\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}",
                        new byte[16]), "safetensors-dtype-unsupported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileWeights")
    void hostileWeightsAreRefusedAndNothingStays(String what, byte[] hostile, String code) throws IOException {
        AdapterRejectedException refused = null;
        try (UnpackedAdapter u = archive().fromFiles(new ByteArrayInputStream(config), new ByteArrayInputStream(hostile))) {
            new AdapterValidator().validate(u.dir(), TinyAdapters.BASE_MODEL);
        } catch (AdapterRejectedException e) {
            refused = e;
        }
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.code()).isEqualTo(code);
        assertNothingLeft();
    }
}
