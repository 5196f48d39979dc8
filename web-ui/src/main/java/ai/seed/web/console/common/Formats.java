package ai.seed.web.console.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times: local server time zone, minutes precision. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** {@code yyyy-MM-dd HH:mm}, or {@code empty} for null. */
    public static String time(Instant instant, String empty) {
        return instant == null ? empty : DATE_TIME.format(instant);
    }
}
