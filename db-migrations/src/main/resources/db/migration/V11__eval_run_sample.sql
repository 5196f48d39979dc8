-- Evaluations a customer can afford to iterate on (issue #17): a run may score a stratified
-- sample of its dataset instead of every item: sample_per_concept items per concept and task
-- (recognition positives and negatives in the dataset's proportions, or balanced), drawn with
-- sample_seed so that two runs with the same seed score the same items. NULL: every item.
ALTER TABLE eval_run ADD COLUMN sample_per_concept INTEGER CHECK (sample_per_concept > 0);
ALTER TABLE eval_run ADD COLUMN sample_seed BIGINT;
ALTER TABLE eval_run ADD COLUMN sample_balanced BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE eval_run ADD CHECK ((sample_per_concept IS NULL) = (sample_seed IS NULL));
