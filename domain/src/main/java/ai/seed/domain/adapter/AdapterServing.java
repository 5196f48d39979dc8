package ai.seed.domain.adapter;

import java.time.Instant;

/**
 * One adapter name's serving state as the reconciler last saw it, shared by all nodes.
 *
 * @param since     when it entered this state
 * @param checkedAt when the reconciler last looked
 */
public record AdapterServing(String servedName, ServingState state, String reason, Instant since, Instant checkedAt) {
}
