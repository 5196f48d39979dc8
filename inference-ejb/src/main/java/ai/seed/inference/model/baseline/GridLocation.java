package ai.seed.inference.model.baseline;

/**
 * The fixed 3x3-grid vocabulary the in-process detectors use for "location-absolute", in the
 * paper's style ("top-left quadrant", "center").
 */
public enum GridLocation {
    TOP_LEFT("top-left quadrant"), TOP("top center"), TOP_RIGHT("top-right quadrant"),
    LEFT("center-left"), CENTER("center"), RIGHT("center-right"),
    BOTTOM_LEFT("bottom-left quadrant"), BOTTOM("bottom center"), BOTTOM_RIGHT("bottom-right quadrant");

    private final String phrase;

    GridLocation(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }

    /** The cell holding a point given as fractions (0..1) of the image width and height. */
    public static GridLocation of(double x, double y) {
        int col = x < 1.0 / 3 ? 0 : x < 2.0 / 3 ? 1 : 2;
        int row = y < 1.0 / 3 ? 0 : y < 2.0 / 3 ? 1 : 2;
        return values()[row * 3 + col];
    }
}
