package ai.seed.domain.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port for user accounts. */
public interface UserRepository {

    AppUser create(AppUser user);

    /** For sign-in: looks across tenants (usernames are unique platform-wide). */
    Optional<AppUser> findForSignIn(String username);

    List<AppUser> list(UUID tenantId);

    long countPlatformAdmins();

    /** The user of {@code tenantId} ({@code null}: a platform admin) with that id, to change it. */
    Optional<AppUser> find(UUID tenantId, UUID id);

    /**
     * Whether a console session of {@code username} that began at {@code signedInAt} may go on:
     * the user exists, is enabled and was not signed out everywhere since. One indexed lookup.
     */
    boolean sessionValid(String username, java.time.Instant signedInAt);
}
