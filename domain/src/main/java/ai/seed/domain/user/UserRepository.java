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
}
