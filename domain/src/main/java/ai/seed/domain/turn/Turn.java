package ai.seed.domain.turn;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A chat turn and its trace (aggregate root; model calls belong to it). Written once, when the
 * turn ends, whatever the outcome: nothing about a turn is ever half-stored.
 */
@Entity
@Table(name = "turn")
public class Turn {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "request_id", nullable = false)
    private String requestId;
    @Column(name = "user_ref")
    private String userRef;
    @Column(name = "requested_mode", nullable = false)
    private String requestedMode;
    @Column(name = "effective_mode", nullable = false)
    private String effectiveMode;
    @Column(nullable = false)
    private String question;
    @Column(name = "image_sha256")
    private String imageSha256;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "concept_ids", nullable = false)
    private String[] conceptIds;
    @Column(name = "dictionary_version_id")
    private Long dictionaryVersionId;
    @Column(name = "adapter_ref")
    private String adapterRef;
    @Column(name = "adapter_cosine")
    private Double adapterCosine;
    @Column(name = "small_model")
    private String smallModel;
    @Column(name = "large_model")
    private String largeModel;
    @Column(name = "raw_small_output")
    private String rawSmallOutput;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "detection_report")
    private String detectionReportJson;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "reflection")
    private String reflectionJson;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "final_report")
    private String finalReportJson;
    @Column(name = "reflection_changed", nullable = false)
    private boolean reflectionChanged;
    private String answer;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TurnStatus status;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "small_calls", nullable = false)
    private int smallCalls;
    @Column(name = "large_calls", nullable = false)
    private int largeCalls;
    @Column(nullable = false)
    private int retries;
    @Column(name = "prompt_tokens", nullable = false)
    private int promptTokens;
    @Column(name = "completion_tokens", nullable = false)
    private int completionTokens;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "phase_ms", nullable = false)
    private String phaseMillisJson;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "events", nullable = false)
    private String eventsJson;
    @Column(name = "total_ms", nullable = false)
    private long totalMillis;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "otel_trace_id")
    private String otelTraceId;

    @OneToMany(mappedBy = "turn", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<ModelCall> calls = new ArrayList<>();

    protected Turn() {
        // for JPA
    }

    public Turn(TurnData d, List<ModelCallData> modelCalls) {
        id = d.id() == null ? UUID.randomUUID() : d.id();
        tenantId = d.tenantId();
        requestId = d.requestId();
        userRef = d.userRef();
        requestedMode = d.requestedMode();
        effectiveMode = d.effectiveMode();
        question = d.question();
        imageSha256 = d.imageSha256();
        conceptIds = d.conceptIds().toArray(String[]::new);
        dictionaryVersionId = d.dictionaryVersionId();
        adapterRef = d.adapterRef();
        adapterCosine = d.adapterCosine();
        smallModel = d.smallModel();
        largeModel = d.largeModel();
        rawSmallOutput = d.rawSmallOutput();
        detectionReportJson = d.detectionReportJson();
        reflectionJson = d.reflectionJson();
        finalReportJson = d.finalReportJson();
        reflectionChanged = d.reflectionChanged();
        answer = d.answer();
        status = d.status();
        errorMessage = d.errorMessage();
        smallCalls = d.smallCalls();
        largeCalls = d.largeCalls();
        retries = d.retries();
        promptTokens = d.promptTokens();
        completionTokens = d.completionTokens();
        phaseMillisJson = d.phaseMillisJson() == null ? "{}" : d.phaseMillisJson();
        eventsJson = d.eventsJson() == null ? "[]" : d.eventsJson();
        totalMillis = d.totalMillis();
        createdAt = d.createdAt() == null ? Instant.now() : d.createdAt();
        otelTraceId = d.otelTraceId();
        int seq = 0;
        for (ModelCallData c : modelCalls) {
            calls.add(new ModelCall(this, seq++, c));
        }
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public TurnData data() {
        return new TurnData(id, tenantId, requestId, userRef, requestedMode, effectiveMode, question, imageSha256,
                List.of(conceptIds), dictionaryVersionId, adapterRef, adapterCosine, smallModel, largeModel,
                rawSmallOutput, detectionReportJson, reflectionJson, finalReportJson, reflectionChanged, answer,
                status, errorMessage, smallCalls, largeCalls, retries, promptTokens, completionTokens,
                phaseMillisJson, eventsJson, totalMillis, createdAt, otelTraceId);
    }

    public List<ModelCallData> calls() {
        return calls.stream().map(ModelCall::data).toList();
    }
}
