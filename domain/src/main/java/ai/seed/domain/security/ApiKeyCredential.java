package ai.seed.domain.security;

import jakarta.security.enterprise.credential.Credential;

/** A partner's bearer API key, as presented in {@code Authorization: Bearer ...}. */
public record ApiKeyCredential(String key) implements Credential {

    @Override
    public String toString() {
        return "ApiKeyCredential[****]";
    }
}
