package ai.seed.domain.security;

import ai.seed.domain.apiclient.ApiClient;
import ai.seed.domain.apiclient.ApiClientRepository;
import ai.seed.domain.apiclient.ApiKeys;
import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.PasswordHasher;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterUploadKeys;
import ai.seed.domain.user.Role;
import ai.seed.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks console passwords (PBKDF2) and partner API keys against PostgreSQL. Caller names:
 * a user's username, or {@code api:<client id>} for a key. Groups are the {@link Role} names.
 * Failures say nothing about which part was wrong.
 */
@ApplicationScoped
public class SeedIdentityStore implements IdentityStore {

    /** Verifying against this when the user does not exist keeps timing the same. */
    private static final String DUMMY_HASH = PasswordHasher.hash("dummy-password-for-timing".toCharArray());

    @Inject
    UserRepository users;
    @Inject
    ApiClientRepository apiClients;
    @Inject
    AdapterRepository adapters;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential up) {
            return validatePassword(up);
        }
        if (credential instanceof ApiKeyCredential key) {
            return validateKey(key.key());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validatePassword(UsernamePasswordCredential up) {
        String username = up.getCaller() == null ? "" : up.getCaller().strip().toLowerCase();
        Optional<AppUser> user = users.findForSignIn(username);
        boolean ok = PasswordHasher.verify(up.getPassword().getValue(), user.map(AppUser::passwordHash).orElse(DUMMY_HASH));
        if (user.isEmpty() || !ok || !user.get().enabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().username(), Set.of(user.get().role().name()));
    }

    private CredentialValidationResult validateKey(String key) {
        if (key.startsWith(AdapterUploadKeys.PREFIX)) {
            return validateUploadKey(key);
        }
        Optional<ApiClient> client = ApiKeys.prefixOf(key).flatMap(apiClients::findByPrefix);
        Instant now = Instant.now();
        if (client.isEmpty() || !ApiKeys.matches(client.get(), key) || !client.get().usableAt(now)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        apiClients.markUsed(client.get().id(), now);
        return new CredentialValidationResult("api:" + client.get().id(), Set.of(Role.PARTNER.name()));
    }

    /** A key scoped to one adapter upload: it authenticates as an uploader, never as a partner. */
    private CredentialValidationResult validateUploadKey(String key) {
        Optional<AdapterRepository.UploadKey> found = AdapterUploadKeys.prefixOf(key).flatMap(adapters::findUploadKey);
        if (found.isEmpty() || !AdapterUploadKeys.matches(found.get(), key)
                || !found.get().expiresAt().isAfter(Instant.now())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult("upload:" + found.get().id(), Set.of(Role.ADAPTER_UPLOADER.name()));
    }
}
