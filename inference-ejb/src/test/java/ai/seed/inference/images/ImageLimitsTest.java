package ai.seed.inference.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageLimitsTest {

    @Test
    void defaults() {
        ImageLimits limits = ImageLimits.defaults();
        assertThat(limits.maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(limits.maxPixels()).isEqualTo(40_000_000L);
        assertThat(limits.maxSide()).isEqualTo(12_000);
        assertThat(limits.minSide()).isEqualTo(16);
        assertThat(limits.thumbnailSide()).isEqualTo(256);
    }

    @Test
    void withersChangeOneBound() {
        ImageLimits limits = ImageLimits.defaults().withMinSide(1).withThumbnailSide(64);
        assertThat(limits).isEqualTo(new ImageLimits(10L * 1024 * 1024, 40_000_000L, 12_000, 1, 64));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ImageLimits.defaults().withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLimits.defaults().withMinSide(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLimits.defaults().withMinSide(20_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds maxSide");
        assertThatThrownBy(() -> ImageLimits.defaults().withMaxPixels(3_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Java array");
    }
}
