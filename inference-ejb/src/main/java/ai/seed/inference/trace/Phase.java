package ai.seed.inference.trace;

/** The step of a turn a model call belongs to. */
public enum Phase {
    EMBED, ROUTE, DETECT, IDENTITY, REFLECT, ANSWER
}
