package ai.seed.web.console.turns;

import ai.seed.domain.turn.TurnData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The turn inspector's filter: user (part of the name), day (server time zone), effective mode and
 * "reflection changed the report"; an empty criterion matches everything.
 */
record TurnFilter(String user, LocalDate day, String mode, boolean reflectionChangedOnly) implements Predicate<TurnData> {

    static final TurnFilter NONE = new TurnFilter("", null, null, false);

    @Override
    public boolean test(TurnData t) {
        if (user != null && !user.isBlank() && (t.userRef() == null
                || !t.userRef().toLowerCase(Locale.ROOT).contains(user.strip().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (day != null && (t.createdAt() == null || !day.equals(LocalDate.ofInstant(t.createdAt(), ZoneId.systemDefault())))) {
            return false;
        }
        if (mode != null && !mode.equals(t.effectiveMode())) {
            return false;
        }
        return !reflectionChangedOnly || t.reflectionChanged();
    }
}
