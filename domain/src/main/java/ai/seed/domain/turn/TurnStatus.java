package ai.seed.domain.turn;

/** How a turn ended. A failed turn is stored too, with its error and everything it did. */
public enum TurnStatus {
    ANSWERED, FAILED
}
