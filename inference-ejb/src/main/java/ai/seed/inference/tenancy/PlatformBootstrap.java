package ai.seed.inference.tenancy;

import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.PasswordHasher;
import ai.seed.domain.user.Role;
import ai.seed.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The first platform administrator. Created once, when none exists, from {@code seed.admin.username}
 * (default "admin") and {@code seed.admin.password} (env SEED_ADMIN_PASSWORD; scripts/run.sh
 * generates one and shows it once). There is no default password: without one configured, no
 * account is created and the log says how to create it. The password itself is never logged.
 */
@ApplicationScoped
public class PlatformBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

    @Inject
    UserRepository users;
    @Inject
    Config config;

    public void ensurePlatformAdmin() {
        if (users.countPlatformAdmins() > 0) {
            return;
        }
        String username = config.getOptionalValue("seed.admin.username", String.class).orElse("admin");
        String password = config.getOptionalValue("seed.admin.password", String.class).orElse("");
        if (password.length() < PasswordHasher.MIN_LENGTH) {
            LOG.warning("No platform administrator exists and SEED_ADMIN_PASSWORD is not set (or shorter than "
                    + PasswordHasher.MIN_LENGTH + " characters): set it and restart to create '" + username + "'");
            return;
        }
        users.create(new AppUser(null, username, "Platform administrator", PasswordHasher.hash(password.toCharArray()),
                Role.PLATFORM_ADMIN));
        LOG.info("Created the first platform administrator '" + username + "'");
    }
}
