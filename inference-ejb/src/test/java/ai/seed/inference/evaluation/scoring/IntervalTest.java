package ai.seed.inference.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void theWilsonIntervalMatchesTheTextbookValues() {
        Interval ci = new Rate(8, 10).interval95();
        assertThat(ci.low()).isCloseTo(0.490, within(0.001));
        assertThat(ci.high()).isCloseTo(0.943, within(0.001));
        assertThat(Interval.format(ci)).isEqualTo("0.490-0.943");
    }

    @Test
    void itStaysInsideZeroToOneAndIsHonestAtTheEdges() {
        Interval none = new Rate(0, 5).interval95();
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isGreaterThan(0.4); // 0 of 5 does not prove "never"
        Interval all = Interval.meanOfTwo(new Rate(5, 5), new Rate(5, 5));
        assertThat(all.high()).isLessThanOrEqualTo(1.0);
        assertThat(all.low()).isLessThan(0.9);
    }

    @Test
    void moreItemsNarrowTheInterval() {
        double small = width(Interval.meanOfTwo(new Rate(8, 10), new Rate(7, 10)));
        double large = width(Interval.meanOfTwo(new Rate(800, 1000), new Rate(700, 1000)));
        assertThat(large).isLessThan(small / 5);
    }

    @Test
    void noItemsHaveNoInterval() {
        assertThat(new Rate(0, 0).interval95()).isNull();
        assertThat(Interval.meanOfTwo(new Rate(0, 0), new Rate(3, 4))).isNull();
        assertThat(Interval.format(null)).isEqualTo("n/a");
    }

    private static double width(Interval i) {
        return i.high() - i.low();
    }
}
