package ai.seed.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitFilterTest {

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, RateLimitFilter.retryAfterSeconds(0));
        assertEquals(1, RateLimitFilter.retryAfterSeconds(0.4));
        assertEquals(2, RateLimitFilter.retryAfterSeconds(1.01));
        assertEquals(30, RateLimitFilter.retryAfterSeconds(30));
    }
}
