/**
 * What every background job shares: {@link ai.seed.domain.job.JobStatus} and the
 * {@link ai.seed.domain.job.BackgroundJob} life cycle (status, heartbeat, cancel request, outcome
 * message). Dictionary retrains and evaluation runs are its kinds; the worker side lives in
 * {@code ai.seed.inference.jobs}.
 */
package ai.seed.domain.job;
