package ai.seed.domain.evaluation;

import ai.seed.domain.job.BackgroundJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One evaluation run: a dataset answered item by item through the SLC pipeline in one mode, with
 * a Top-K and a (pinned) dictionary version, in the background. Progress is the number of stored
 * results; a RUNNING run found at start-up (its node stopped) is resumed with the items that have
 * no result yet. Its life cycle is {@link BackgroundJob}'s.
 */
@Entity
@Table(name = "eval_run")
public class EvaluationRun extends BackgroundJob {

    /** What a run is asked to do. */
    public record Settings(String label, String mode, int topK, Long dictionaryVersionId, boolean leakageGuard,
                           int concurrency) {
    }

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(name = "dataset_id", nullable = false)
    private UUID datasetId;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String mode;
    @Column(name = "top_k", nullable = false)
    private int topK;
    @Column(name = "dictionary_version_id")
    private Long dictionaryVersionId;
    @Column(name = "leakage_guard", nullable = false)
    private boolean leakageGuard;
    @Column(nullable = false)
    private int concurrency;
    @Column(nullable = false)
    private int done;
    @Column(nullable = false)
    private int total;
    @Column(nullable = false)
    private int excluded;
    @ColumnTransformer(write = "?::jsonb")
    private String scores;
    /** The weight-free baselines that served the run, '; '-separated; null when real models did. */
    private String baselines;
    /** A stratified sample instead of every item: per concept and task, drawn with the seed; null: all. */
    @Column(name = "sample_per_concept")
    private Integer samplePerConcept;
    @Column(name = "sample_seed")
    private Long sampleSeed;
    @Column(name = "sample_balanced")
    private boolean sampleBalanced;

    protected EvaluationRun() {
        // for JPA
    }

    public EvaluationRun(UUID tenantId, UUID datasetId, Settings settings, String createdBy) {
        super(createdBy);
        this.tenantId = tenantId;
        this.datasetId = datasetId;
        this.label = settings.label();
        this.mode = settings.mode();
        this.topK = settings.topK();
        this.dictionaryVersionId = settings.dictionaryVersionId();
        this.leakageGuard = settings.leakageGuard();
        this.concurrency = settings.concurrency();
    }

    /**
     * Scores a stratified sample: {@code perConcept} items per concept and task, drawn with
     * {@code seed}; recognition positives and negatives balanced or in the dataset's proportions.
     */
    public void sample(int perConcept, long seed, boolean balanced) {
        if (perConcept < 1) {
            throw new IllegalArgumentException("a sample needs at least one item per concept");
        }
        samplePerConcept = perConcept;
        sampleSeed = seed;
        sampleBalanced = balanced;
    }

    /** Items per concept and task of the sample, or null when the run scores every item. */
    public Integer samplePerConcept() {
        return samplePerConcept;
    }

    public Long sampleSeed() {
        return sampleSeed;
    }

    public boolean sampleBalanced() {
        return sampleBalanced;
    }

    /** Records which weight-free baselines serve the run (labels); none: real models. */
    public void servedBy(java.util.List<String> baselineLabels) {
        baselines = baselineLabels == null || baselineLabels.isEmpty() ? null : String.join("; ", baselineLabels);
    }

    public java.util.List<String> baselines() {
        return baselines == null ? java.util.List.of() : java.util.List.of(baselines.split("; "));
    }

    /** Starts (or, after a restart, resumes) the run over {@code totalItems} items. */
    public void start(int totalItems, int excludedItems) {
        if (markRunning()) {
            total = totalItems;
            excluded = excludedItems;
        }
    }

    public void progress(int doneItems) {
        done = Math.max(done, doneItems);
        beat();
    }

    public void succeed(String scoresJson) {
        if (!status().finished()) {
            scores = scoresJson;
        }
        markSucceeded();
    }

    /** Scores of the items answered so far, kept when a run is cancelled. */
    public void cancelled(String partialScoresJson) {
        if (!status().finished()) {
            scores = partialScoresJson;
        }
        cancelled();
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID datasetId() {
        return datasetId;
    }

    public String label() {
        return label;
    }

    public String mode() {
        return mode;
    }

    public int topK() {
        return topK;
    }

    public Long dictionaryVersionId() {
        return dictionaryVersionId;
    }

    public boolean leakageGuard() {
        return leakageGuard;
    }

    public int concurrency() {
        return concurrency;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public int excluded() {
        return excluded;
    }

    public String scores() {
        return scores;
    }
}
