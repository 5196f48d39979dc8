package ai.seed.inference.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a turn records while it runs: model calls (every attempt), notable events (fallbacks,
 * dropped ids) and per-phase wall time. Thread-safe: fault-tolerance interceptors may run a call
 * on another thread. Recording never fails the turn.
 */
public final class TurnTrace {

    private final String requestId;
    private final Instant startedAt = Instant.now();
    private final List<ModelCallRecord> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<Phase, Long> phaseMillis = Collections.synchronizedMap(new EnumMap<>(Phase.class));

    private final Instant deadline;

    public TurnTrace(String requestId) {
        this(requestId, null);
    }

    /** A trace for a turn that must end within {@code deadline} of now (null: no deadline). */
    public TurnTrace(String requestId, Duration deadline) {
        this.requestId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        this.deadline = deadline == null ? null : startedAt.plus(deadline);
    }

    /** What is left of the turn's deadline (very long when it has none; negative once passed). */
    public Duration deadlineLeft() {
        return deadline == null ? Duration.ofDays(1) : Duration.between(Instant.now(), deadline);
    }

    public String requestId() {
        return requestId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int nextAttempt(Phase phase) {
        synchronized (calls) {
            return (int) calls.stream().filter(c -> c.phase() == phase).count() + 1;
        }
    }

    public void record(ModelCallRecord call) {
        calls.add(call);
    }

    public void event(String text) {
        events.add(text);
    }

    public void addPhaseTime(Phase phase, long millis) {
        phaseMillis.merge(phase, millis, Long::sum);
    }

    public List<ModelCallRecord> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public Map<Phase, Long> phaseMillis() {
        synchronized (phaseMillis) {
            return Map.copyOf(phaseMillis);
        }
    }

    /** Calls that reached the model (every attempt counts). */
    public long attempts(Phase... phases) {
        List<Phase> wanted = List.of(phases);
        return calls().stream().filter(c -> wanted.contains(c.phase())).count();
    }

    public long retries() {
        return calls().stream().filter(c -> c.attempt() > 1).count();
    }
}
