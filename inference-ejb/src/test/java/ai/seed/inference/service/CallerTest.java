package ai.seed.inference.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aKeyWithoutTheScopeIsForbiddenAndTheMessageNamesTheScopeAndTheKeysScopes() {
        Caller key = Caller.partner("api:1", tenant, EnumSet.of(ApiScope.TURNS));

        assertThatThrownBy(() -> key.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ServiceException.Kind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("missing-scope");
                })
                .hasMessageContaining("lacks the scope 'dictionary'").hasMessageContaining("its scopes are [turns]");
        assertThat(key.require(ApiScope.TURNS, Role.STAFF, Role.PARTNER)).isSameAs(key);
    }

    @Test
    void anyOfTheScopesSatisfiesARequirementOfSeveral() {
        Caller turnsOnly = Caller.partner("api:1", tenant, EnumSet.of(ApiScope.TURNS));
        Caller evaluationsOnly = Caller.partner("api:2", tenant, EnumSet.of(ApiScope.EVALUATIONS));

        assertThat(turnsOnly.require(ApiScope.READ_CONCEPTS, Role.PARTNER)).isSameAs(turnsOnly);
        assertThatThrownBy(() -> evaluationsOnly.require(ApiScope.READ_CONCEPTS, Role.PARTNER))
                .hasMessageContaining("one of the scopes [turns,concepts]");
    }

    @Test
    void consoleUsersAreNotLimitedByScopesButStillByRole() {
        Caller admin = Caller.of("admin", tenant, Role.TENANT_ADMIN);
        Caller staff = Caller.of("staff", tenant, Role.STAFF);

        assertThat(admin.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER)).isSameAs(admin);
        assertThatThrownBy(() -> staff.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER))
                .hasMessageContaining("one of the roles");
    }

    @Test
    void theRoleIsCheckedBeforeTheScope() {
        Caller key = Caller.partner("api:1", tenant, Set.of(ApiScope.values()));
        assertThatThrownBy(() -> key.require(ApiScope.TURNS, Role.TENANT_ADMIN))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }
}
