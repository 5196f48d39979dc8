-- Honest labels (issue #17): the weight-free baselines (labels, '; '-separated) that served an
-- evaluation run, recorded when it starts, so its scores are never mistaken for real models'.
-- NULL: real models served (or the run predates this column).
ALTER TABLE eval_run ADD COLUMN baselines TEXT;
