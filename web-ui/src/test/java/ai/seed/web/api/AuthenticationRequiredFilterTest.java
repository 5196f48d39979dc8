package ai.seed.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthenticationRequiredFilterTest {

    @Test
    void healthSystemAndDocsArePublic() {
        assertTrue(AuthenticationRequiredFilter.isPublic("v1/health"));
        assertTrue(AuthenticationRequiredFilter.isPublic("v1/system"));
        assertTrue(AuthenticationRequiredFilter.isPublic("docs"));
        assertTrue(AuthenticationRequiredFilter.isPublic("docs/swagger-ui.css"));
    }

    @Test
    void everythingElseAndLookAlikesAreNot() {
        assertFalse(AuthenticationRequiredFilter.isPublic("v1/concepts"));
        assertFalse(AuthenticationRequiredFilter.isPublic("v1/evaluations/datasets"));
        assertFalse(AuthenticationRequiredFilter.isPublic("v1/healthz"));
        assertFalse(AuthenticationRequiredFilter.isPublic("v1/systems/x"));
        assertFalse(AuthenticationRequiredFilter.isPublic("documents"));
        assertFalse(AuthenticationRequiredFilter.isPublic(""));
    }
}
