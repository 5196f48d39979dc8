package ai.seed.domain.adapter;

/** Whether the small-VLM server serves an adapter, as the reconciler last saw it. */
public enum ServingState {
    /** Listed by the server's model list: turns can route to it. */
    SERVED,
    /** Asked to load; not confirmed yet. */
    LOADING,
    /** Not on the server and the product cannot load it (no artifact, or the server cannot load at run time). */
    MISSING,
    /** The server refused to load it; the reason says why. */
    FAILED
}
