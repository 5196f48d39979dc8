-- A streamed answer's time to its first piece of text (issue #15/#18); null for calls answered in one piece.
ALTER TABLE turn_model_call ADD COLUMN first_token_ms bigint;
