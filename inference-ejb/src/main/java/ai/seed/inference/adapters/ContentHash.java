package ai.seed.inference.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The adapter's content hash: SHA-256 over
 * {@code u64be(len(config)) || config || u64be(len(weights)) || weights}, the exact bytes of
 * adapter_config.json and adapter_model.safetensors. The length prefixes make the split between
 * the two files unambiguous (moving bytes from one file to the other changes the hash).
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(byte[] config, Path weights, long expectedWeightsBytes) throws IOException {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(8).putLong(config.length).array());
        sha.update(config);
        sha.update(ByteBuffer.allocate(8).putLong(expectedWeightsBytes).array());
        long hashed = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(weights)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                hashed += n;
            }
        }
        if (hashed != expectedWeightsBytes) {
            throw new IOException(weights + " changed while it was validated (" + expectedWeightsBytes + " then "
                    + hashed + " bytes)");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
