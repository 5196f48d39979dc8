package ai.seed.domain.apiclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key format and checks: {@code seed_<8-char prefix>_<40-char secret>}. The prefix finds the
 * row; the SHA-256 of the whole key is compared in constant time. Keys are random (about 240 bits),
 * so a fast hash is right here, unlike passwords.
 */
public final class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("^seed_([a-z0-9]{8})_([A-Za-z0-9]{40})$");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new client and its key; the key is returned here once and never stored. */
    public record Issued(ApiClient client, String key) {
        @Override
        public String toString() {
            return "Issued[" + client.id() + ", key=****]";
        }
    }

    public static Issued issue(UUID tenantId, String name, String createdBy, Instant expiresAt, Set<ApiScope> scopes) {
        String prefix = random("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        String key = "seed_" + prefix + "_" + random(ALPHABET, 40);
        return new Issued(new ApiClient(tenantId, name, prefix, sha256(key), createdBy, expiresAt, scopes), key);
    }

    /** The prefix of a well-formed key, or empty for anything else. */
    public static Optional<String> prefixOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean matches(ApiClient client, String key) {
        return MessageDigest.isEqual(client.keyHash().getBytes(StandardCharsets.US_ASCII),
                sha256(key).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code n} random characters of {@code alphabet} from a SecureRandom. */
    public static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Hex SHA-256 of a key, as stored. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
