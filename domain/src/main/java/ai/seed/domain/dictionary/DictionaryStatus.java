package ai.seed.domain.dictionary;

/** Life cycle of a meta-concept dictionary version. Exactly one version per scope is ACTIVE. */
public enum DictionaryStatus {
    /** Clustering is running; the version is not complete and never used by turns. */
    TRAINING,
    /** Complete and usable, not (or no longer) the active one. */
    READY,
    /** The version every turn of its scope uses. */
    ACTIVE,
    /** Clustering failed or was cancelled; kept for the record. */
    FAILED
}
