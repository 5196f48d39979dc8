package ai.seed.web.console;

import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns as stored, for unit tests of the console's views of them. */
public final class ConsoleFixtures {

    public static final String DETECTED = """
            {"<bo>": {"present": true, "location-absolute": "top-left quadrant", "location-relative": "on the shelf",
                      "verification": "NOT_CHECKED"},
             "<mug>": {"present": true, "location-absolute": "center", "location-relative": "",
                      "verification": "NOT_CHECKED"}}""";
    public static final String REFINED = """
            {"<bo>": {"present": false, "location-absolute": "", "location-relative": "", "verification": "VERIFIED"},
             "<mug>": {"present": true, "location-absolute": "center", "location-relative": "", "verification": "VERIFIED"}}""";
    public static final String REFLECTION = """
            {"questions": [{"concept": "<bo>", "kind": "ABSOLUTE", "question": "Do you see a toy at top-left quadrant?",
                            "verdict": "no"},
                           {"concept": "<bo>", "kind": "RELATIVE", "question": "Is a toy on the shelf?", "verdict": null}],
             "changes": [{"concept": "<bo>", "field": "present", "before": "true", "after": "false", "reason": "Q1 no, Q2 no"}]}""";

    private ConsoleFixtures() {
    }

    public static TurnData turn(String user, String mode, Instant at, TurnStatus status, long millis, int retries,
                                String detection, String refined, boolean changed) {
        return new TurnData(UUID.randomUUID(), UUID.randomUUID(), "r", user, mode, mode, "Where is <bo>?", null,
                List.of("<bo>"), null, null, null, "small", "large", "{}", detection, null, refined, changed, "an answer",
                status, null, 1, 2, retries, 10, 5, "{\"DETECT\": 12, \"ANSWER\": 30}", "[]", millis, at);
    }
}
