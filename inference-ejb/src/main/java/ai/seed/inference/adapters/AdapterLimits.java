package ai.seed.inference.adapters;

/**
 * The size and count limits applied to an uploaded adapter, in one place so that the archive
 * reader and the validator agree. Every limit is checked on bytes actually read, never on sizes
 * that an archive or a header claims.
 *
 * @param maxConfigBytes largest {@code adapter_config.json} (default 1 MiB)
 * @param maxWeightsBytes largest {@code adapter_model.safetensors} (default 1 GiB)
 * @param maxHeaderBytes largest safetensors JSON header (default 100 MiB, as the reference reader)
 * @param maxArchiveBytes largest zip upload, compressed (default 1 GiB + 64 MiB for extra files)
 * @param maxEntries most entries a zip upload may have (default 1000)
 */
public record AdapterLimits(long maxConfigBytes, long maxWeightsBytes, long maxHeaderBytes, long maxArchiveBytes,
        int maxEntries) {

    public static final long MIB = 1024L * 1024;
    public static final long DEFAULT_MAX_CONFIG_BYTES = MIB;
    public static final long DEFAULT_MAX_WEIGHTS_BYTES = 1024 * MIB;
    public static final long DEFAULT_MAX_HEADER_BYTES = 100 * MIB;
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = DEFAULT_MAX_WEIGHTS_BYTES + 64 * MIB;
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    public AdapterLimits {
        if (maxConfigBytes <= 0 || maxWeightsBytes <= 0 || maxHeaderBytes <= 0 || maxArchiveBytes <= 0
                || maxEntries <= 0) {
            throw new IllegalArgumentException("adapter limits must be positive");
        }
    }

    public static AdapterLimits defaults() {
        return new AdapterLimits(DEFAULT_MAX_CONFIG_BYTES, DEFAULT_MAX_WEIGHTS_BYTES, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_ENTRIES);
    }

    public AdapterLimits withMaxWeightsBytes(long bytes) {
        return new AdapterLimits(maxConfigBytes, bytes, maxHeaderBytes, maxArchiveBytes, maxEntries);
    }

    public AdapterLimits withMaxArchiveBytes(long bytes) {
        return new AdapterLimits(maxConfigBytes, maxWeightsBytes, maxHeaderBytes, bytes, maxEntries);
    }

    public AdapterLimits withMaxEntries(int entries) {
        return new AdapterLimits(maxConfigBytes, maxWeightsBytes, maxHeaderBytes, maxArchiveBytes, entries);
    }

    /** Shown in messages: whole MiB when it is one, bytes otherwise. */
    static String describe(long bytes) {
        return bytes % MIB == 0 ? (bytes / MIB) + " MiB" : bytes + " bytes";
    }
}
