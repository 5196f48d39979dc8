package ai.seed.inference.jobs;

import ai.seed.domain.job.BackgroundJob;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How the life cycle reads and changes one kind's stored jobs: each call is its own transaction
 * (the kind's repository), so every state change is visible to other nodes at once.
 */
public interface JobLedger<J extends BackgroundJob> {

    Optional<J> find(UUID id);

    /** Applies {@code change} to the job under a row lock and commits; fails if the job is gone. */
    J update(UUID id, Consumer<J> change);
}
