package ai.seed.inference.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void valueAndDisplay() {
        assertThat(new Rate(2, 3).value()).isEqualTo(2.0 / 3);
        assertThat(new Rate(2, 3).display()).isEqualTo("0.667");
        assertThat(new Rate(0, 0).value()).isNull();
        assertThat(new Rate(0, 0).display()).isEqualTo("n/a");
        assertThat(Rate.format(null)).isEqualTo("n/a");
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> new Rate(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
