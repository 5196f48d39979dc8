package ai.seed.domain.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitBucketsTest {

    @Test
    void aGrantedRequestWaitsNothing() {
        assertEquals(0, RateLimitBuckets.waitSeconds(true, 0.2, 2), 1e-9);
    }

    @Test
    void aRefusedRequestWaitsUntilOneWholeTokenIsBack() {
        assertEquals(0.4, RateLimitBuckets.waitSeconds(false, 0.2, 2), 1e-9);
        assertEquals(0.5, RateLimitBuckets.waitSeconds(false, 0, 2), 1e-9);
        assertEquals(0, RateLimitBuckets.waitSeconds(false, 1.5, 2), 1e-9, "never negative");
    }
}
