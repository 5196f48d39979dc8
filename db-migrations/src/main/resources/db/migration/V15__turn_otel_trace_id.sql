-- The OpenTelemetry trace a turn's spans belong to (issue #16), so an operator can go from the
-- console's turn to the trace in Jaeger/Tempo and back; null while tracing is off.
ALTER TABLE turn ADD COLUMN otel_trace_id text;
CREATE INDEX turn_otel_trace_id_idx ON turn (otel_trace_id) WHERE otel_trace_id IS NOT NULL;
