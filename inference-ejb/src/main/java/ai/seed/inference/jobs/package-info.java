/**
 * Background jobs, one life cycle for every kind (the stored part is
 * {@link ai.seed.domain.job.BackgroundJob}):
 *
 * <pre>
 *  request ──► QUEUED ──(a node takes the job's {@link ai.seed.inference.jobs.JobLock})──► RUNNING ──► SUCCEEDED
 *                │                                                  │  heartbeat,        ├──► FAILED (reason)
 *                │ cancel, lock free: ends at once                  │  {@link ai.seed.inference.jobs.CancelFlag}    └──► CANCELLED
 *                └──────────────────────────► CANCELLED              └─ cancel, lock held: flag, stops within 1 s
 * </pre>
 *
 * {@link ai.seed.inference.jobs.JobLifecycle#drive} runs a kind's work and stores how it ended;
 * {@link ai.seed.inference.jobs.JobLifecycle#cancel} cancels any kind the same way. Kinds today:
 * dictionary retrains ({@code inference.dictionary.RetrainWorker}, one lock for all nodes) and
 * evaluation runs ({@code inference.evaluation.runs.EvaluationRunner}, a lock per run, resumed by
 * {@code RunRecovery}). The adapter reconciler (which also builds Top-K fused adapters) is not a
 * stored job: each pass is idempotent, takes seconds and has nothing to cancel or resume, so it
 * only shares the {@link ai.seed.inference.jobs.JobLock}; its outcome is each adapter's serving
 * state.
 */
package ai.seed.inference.jobs;
