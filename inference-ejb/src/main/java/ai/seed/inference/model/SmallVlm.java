package ai.seed.inference.model;

/**
 * Port: the small, meta-personalized VLM that detects concepts (paper Table 6). It answers with
 * raw text; parsing it into a report is the pipeline's job, identical for every backend.
 */
public interface SmallVlm {

    SmallVlmResponse detect(SmallVlmRequest request);
}
