package ai.seed.inference.evaluation.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.inference.dictionary.RetrainWorker;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunLocksTest {

    @Test
    void theKeyIsTheSameForTheSameRunOnEveryNode() {
        UUID run = UUID.fromString("0f6c2a8e-3b1d-4c5e-9a7b-2d4e6f8a0b1c");
        assertEquals(RunLocks.key(run), RunLocks.key(UUID.fromString(run.toString())));
    }

    @Test
    void everyKeyLiesInTheEvaluationKeySpaceApartFromTheOtherAdvisoryLocks() {
        long indexDdlBase = 0x5eed_1d00_0000_0000L; // EmbeddingIndexes: base + a String hashCode
        for (int i = 0; i < 10_000; i++) {
            long key = RunLocks.key(UUID.randomUUID());
            assertEquals(0x5EE7L, key >>> 48, Long.toHexString(key));
            assertNotEquals(RetrainWorker.LOCK_KEY, key);
            assertTrue(Math.abs(key - indexDdlBase) > Integer.MAX_VALUE + 1L, Long.toHexString(key));
        }
    }

    @Test
    void differentRunsGetDifferentKeys() {
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(RunLocks.key(UUID.randomUUID()));
        }
        assertEquals(100_000, keys.size());
    }

    @Test
    void runsDifferingOnlyInTheirLowBitsGetDifferentKeys() {
        UUID a = new UUID(42L, 1L);
        UUID b = new UUID(42L, 2L);
        UUID c = new UUID(42L, 1L << 40);
        assertNotEquals(RunLocks.key(a), RunLocks.key(b));
        assertNotEquals(RunLocks.key(a), RunLocks.key(c));
    }
}
