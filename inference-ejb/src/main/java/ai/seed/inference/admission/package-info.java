/**
 * Admission control: how many turns a node runs at once, and the quick refusal beyond that
 * ({@link ai.seed.inference.admission.TurnAdmission}).
 */
package ai.seed.inference.admission;
