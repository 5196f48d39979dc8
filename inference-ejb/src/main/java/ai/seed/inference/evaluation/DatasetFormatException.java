package ai.seed.inference.evaluation;

/**
 * A dataset file that cannot be imported. The message always names the entry (file, and JSON
 * path inside it such as {@code choice.json $.bo["3.png"].options}) and says why, so that an
 * operator can fix the file; it never contains a stack trace.
 */
public class DatasetFormatException extends Exception {

    private final String entry;
    private final String reason;

    public DatasetFormatException(String entry, String reason) {
        super(entry + ": " + reason);
        this.entry = entry;
        this.reason = reason;
    }

    public String entry() {
        return entry;
    }

    public String reason() {
        return reason;
    }
}
