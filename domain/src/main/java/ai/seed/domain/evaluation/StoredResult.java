package ai.seed.domain.evaluation;

import java.util.UUID;

/** What one item produced in one run ({@code eval_result}); one row per run and item key. */
public record StoredResult(String itemKey, String answer, boolean failed, Boolean detected, Boolean afterReflection,
                           UUID turnId) {
}
