package ai.seed.migrations;

/** The schema version in the database and how it compares with the migrations of this build. */
public record SchemaState(String currentVersion, int pending, int applied, long failed) {

    /** Ready means: every shipped migration applied, none failed. */
    public boolean upToDate() {
        return pending == 0 && failed == 0 && applied > 0;
    }
}
