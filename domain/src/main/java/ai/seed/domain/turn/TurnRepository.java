package ai.seed.domain.turn;

import java.util.Optional;
import java.util.UUID;

/** Port for turns and their traces. Reads are always scoped to a tenant. */
public interface TurnRepository {

    /** Stores the turn, its model calls and (if any) its query image in one transaction. */
    Turn save(Turn turn, String imageMimeType, byte[] imageBytes);

    Optional<Turn> find(UUID tenantId, UUID turnId);
}
