package ai.seed.domain.adapter;

import ai.seed.domain.apiclient.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys scoped to one adapter upload: {@code seedu_<8-char prefix>_<40-char secret>}, hashed like
 * API keys (random, so SHA-256 is right), shown once. They authenticate a training job's upload of
 * one meta-concept's adapter and nothing else.
 */
public final class AdapterUploadKeys {

    public static final String PREFIX = "seedu_";
    private static final Pattern FORMAT = Pattern.compile("^seedu_([a-z0-9]{8})_([A-Za-z0-9]{40})$");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private AdapterUploadKeys() {
    }

    /** A new key row and the key itself, which is returned here once and never stored. */
    public record Issued(AdapterRepository.UploadKey row, String key) {
        @Override
        public String toString() {
            return "Issued[" + row.id() + ", key=****]";
        }
    }

    public static Issued issue(long versionId, int clusterIndex, String createdBy, Instant expiresAt) {
        String prefix = ApiKeys.random("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        String key = PREFIX + prefix + "_" + ApiKeys.random(ALPHABET, 40);
        var row = new AdapterRepository.UploadKey(UUID.randomUUID(), prefix, ApiKeys.sha256(key), versionId,
                clusterIndex, createdBy, Instant.now(), expiresAt, null);
        return new Issued(row, key);
    }

    public static Optional<String> prefixOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean matches(AdapterRepository.UploadKey row, String key) {
        return MessageDigest.isEqual(row.hash().getBytes(StandardCharsets.US_ASCII),
                ApiKeys.sha256(key).getBytes(StandardCharsets.US_ASCII));
    }
}
