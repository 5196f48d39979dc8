package ai.seed.inference.evaluation.scoring;

/**
 * The paper's recognition metric under one answer rule (strict or lenient): yes-recall over the
 * items whose answer is "Yes", no-recall over those whose answer is "No", and
 * {@code weighted = 0.5 x (yes-recall + no-recall)} (paper §4.1, Table 1).
 *
 * @param weighted null ("n/a") when either recall has no items: a weighted score over one class
 *                 only would not be the paper's metric
 */
public record RecognitionScore(Rate yesRecall, Rate noRecall, Double weighted) {

    static RecognitionScore of(Rate yesRecall, Rate noRecall) {
        Double yes = yesRecall.value();
        Double no = noRecall.value();
        Double weighted = yes == null || no == null ? null : 0.5 * (yes + no);
        return new RecognitionScore(yesRecall, noRecall, weighted);
    }

    /** The weighted score's 95% confidence interval, or null when it is n/a. */
    public Interval weightedInterval95() {
        return weighted == null ? null : Interval.meanOfTwo(yesRecall, noRecall);
    }

    public String weightedDisplay() {
        return Rate.format(weighted);
    }
}
