package ai.seed.domain.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void anIssuedKeyMatchesItsClientAndNothingElse() {
        ApiKeys.Issued issued = ApiKeys.issue(UUID.randomUUID(), "partner", "admin", null, EnumSet.of(ApiScope.TURNS));
        assertThat(issued.key()).matches("seed_[a-z0-9]{8}_[A-Za-z0-9]{40}");
        assertThat(ApiKeys.prefixOf(issued.key())).contains(issued.client().keyPrefix());
        assertThat(ApiKeys.matches(issued.client(), issued.key())).isTrue();
        assertThat(ApiKeys.matches(issued.client(), issued.key() + "x")).isFalse();
        assertThat(issued.toString()).doesNotContain(issued.key());
        assertThat(issued.client().keyHash()).doesNotContain(issued.key());
    }

    @Test
    void malformedKeysHaveNoPrefix() {
        assertThat(ApiKeys.prefixOf("Bearer abc")).isEmpty();
        assertThat(ApiKeys.prefixOf("seed_short_x")).isEmpty();
        assertThat(ApiKeys.prefixOf(null)).isEmpty();
    }

    @Test
    void revokedAndExpiredKeysAreNotUsable() {
        ApiClient c = ApiKeys.issue(UUID.randomUUID(), "p", "a", Instant.now().plusSeconds(60), EnumSet.of(ApiScope.TURNS)).client();
        assertThat(c.usableAt(Instant.now())).isTrue();
        assertThat(c.usableAt(Instant.now().plusSeconds(120))).isFalse();
        c.revoke();
        assertThat(c.usableAt(Instant.now())).isFalse();
    }

    @Test
    void aKeyKeepsTheScopesItWasIssuedWithAndNeedsAtLeastOne() {
        ApiClient c = ApiKeys.issue(UUID.randomUUID(), "p", "a", null,
                EnumSet.of(ApiScope.EVALUATIONS, ApiScope.TURNS)).client();
        assertThat(c.scopes()).containsExactlyInAnyOrder(ApiScope.TURNS, ApiScope.EVALUATIONS);
        assertThatThrownBy(() -> ApiKeys.issue(UUID.randomUUID(), "p", "a", null, EnumSet.noneOf(ApiScope.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one scope");
    }

    @Test
    void onlyAKeyWithoutTenantCarriesTheTenantsScopeAndNothingElse() {
        ApiClient platform = ApiKeys.issue(null, "provisioner", "root", null, ApiScope.PLATFORM).client();
        assertThat(platform.platform()).isTrue();
        assertThat(platform.scopes()).containsExactly(ApiScope.TENANTS);
        assertThatThrownBy(() -> ApiKeys.issue(UUID.randomUUID(), "p", "a", null, EnumSet.of(ApiScope.TURNS, ApiScope.TENANTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot have the scope 'tenants'");
        assertThatThrownBy(() -> ApiKeys.issue(null, "p", "root", null, EnumSet.of(ApiScope.TURNS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly the scope 'tenants'");
        assertThat(ApiScope.ALL).doesNotContain(ApiScope.TENANTS);
    }
}
