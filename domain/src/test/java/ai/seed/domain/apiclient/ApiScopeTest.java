package ai.seed.domain.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiScopeTest {

    @Test
    void scopesRoundTripThroughTheirStoredFormInDeclarationOrder() {
        String stored = ApiScope.ids(EnumSet.of(ApiScope.EVALUATIONS, ApiScope.TURNS));
        assertThat(stored).isEqualTo("turns,evaluations");
        assertThat(ApiScope.parseList(stored)).containsExactlyInAnyOrder(ApiScope.TURNS, ApiScope.EVALUATIONS);
        assertThat(ApiScope.parseList(" ")).isEmpty();
    }

    @Test
    void parsingIsForgivingAboutCaseAndSpaceButNamesTheKnownScopesWhenWrong() {
        assertThat(ApiScope.parse(" Dictionary ")).isEqualTo(ApiScope.DICTIONARY);
        assertThatThrownBy(() -> ApiScope.parse("admin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scope 'admin'").hasMessageContaining("turns,concepts,dictionary,evaluations");
    }
}
