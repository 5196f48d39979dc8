package ai.seed.domain.turn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One model call attempt within a turn (part of the {@link Turn} aggregate). */
@Entity
@Table(name = "turn_model_call")
public class ModelCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "turn_id")
    private Turn turn;

    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    private String phase;
    private String model;
    private String adapter;
    @Column(nullable = false)
    private int attempt;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "duration_ms", nullable = false)
    private long durationMs;
    @Column(name = "prompt_tokens", nullable = false)
    private int promptTokens;
    @Column(name = "completion_tokens", nullable = false)
    private int completionTokens;
    @Column(nullable = false)
    private String outcome;
    private String error;
    @Column(name = "first_token_ms")
    private Long firstTokenMs;

    protected ModelCall() {
        // for JPA
    }

    ModelCall(Turn turn, int seq, ModelCallData d) {
        this.turn = turn;
        this.seq = seq;
        this.phase = d.phase();
        this.model = d.model();
        this.adapter = d.adapter();
        this.attempt = d.attempt();
        this.startedAt = d.startedAt();
        this.durationMs = d.durationMs();
        this.promptTokens = d.promptTokens();
        this.completionTokens = d.completionTokens();
        this.outcome = d.outcome();
        this.error = d.error();
        this.firstTokenMs = d.firstTokenMs();
    }

    public ModelCallData data() {
        return new ModelCallData(phase, model, adapter, attempt, startedAt, durationMs, promptTokens,
                completionTokens, outcome, error, firstTokenMs);
    }

    public int seq() {
        return seq;
    }
}
