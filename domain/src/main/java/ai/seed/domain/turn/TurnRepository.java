package ai.seed.domain.turn;

import java.util.Optional;
import java.util.UUID;

/** Port for turns and their traces. Reads are always scoped to a tenant. */
public interface TurnRepository {

    /** Stores the turn, its model calls and (if any) its query image in one transaction. */
    Turn save(Turn turn, String imageMimeType, byte[] imageBytes);

    Optional<Turn> find(UUID tenantId, UUID turnId);

    /** Newest first; {@code userRef} null for every user's turns. */
    java.util.List<TurnData> list(UUID tenantId, String userRef, int page, int size);

    long count(UUID tenantId, String userRef);

    /** What one phase's model calls cost lately: how many were seen, their mean duration and tokens. */
    record PhaseCost(String phase, long calls, double averageMs, double averageTokens) {
    }

    /** Per phase, the tenant's last {@code limit} model calls (every outcome: slow ones cost time too). */
    java.util.List<PhaseCost> recentCosts(UUID tenantId, int limit);

    /** The stored query image, if the turn had one. */
    Optional<byte[]> image(UUID tenantId, UUID turnId);
}
