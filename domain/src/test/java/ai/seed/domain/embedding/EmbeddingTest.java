package ai.seed.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void normalisesToUnitLength() {
        Embedding e = Embedding.normalized("baseline-v1", new float[] {3, 4});
        assertThat(e.values()).containsExactly(0.6f, 0.8f);
        assertThat(e.cosine(e)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void cosineOfOrthogonalVectorsIsZero() {
        Embedding x = Embedding.normalized("m", new float[] {1, 0});
        Embedding y = Embedding.normalized("m", new float[] {0, 5});
        assertThat(x.cosine(y)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void meanIsTheNormalisedAverageDirection() {
        Embedding x = Embedding.normalized("m", new float[] {1, 0});
        Embedding y = Embedding.normalized("m", new float[] {0, 1});
        Embedding mean = Embedding.mean(List.of(x, y));
        assertThat(mean.values()[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mean.values()[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void refusesToCompareVectorsOfDifferentEmbedders() {
        Embedding clip = Embedding.normalized("clip-vit-b32", new float[] {1, 0});
        Embedding baseline = Embedding.normalized("baseline-v1", new float[] {1, 0});
        assertThatThrownBy(() -> clip.cosine(baseline)).isInstanceOf(IncompatibleEmbeddingException.class)
                .hasMessageContaining("clip-vit-b32").hasMessageContaining("baseline-v1");
        assertThatThrownBy(() -> Embedding.mean(List.of(clip, baseline)))
                .isInstanceOf(IncompatibleEmbeddingException.class);
    }

    @Test
    void refusesToCompareVectorsOfDifferentDimensions() {
        Embedding a = Embedding.normalized("m", new float[] {1, 0});
        Embedding b = Embedding.normalized("m", new float[] {1, 0, 0});
        assertThatThrownBy(() -> a.cosine(b)).isInstanceOf(IncompatibleEmbeddingException.class);
    }

    @Test
    void rejectsDegenerateInput() {
        assertThatThrownBy(() -> Embedding.normalized("m", new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Embedding.normalized("m", new float[] {0, 0}))
                .hasMessageContaining("all-zero");
        assertThatThrownBy(() -> Embedding.normalized("m", new float[] {Float.NaN}))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Embedding.normalized(" ", new float[] {1})).hasMessageContaining("embedder id");
    }

    @Test
    void rendersPgvectorLiteral() {
        assertThat(Embedding.normalized("m", new float[] {1, 0}).toVectorLiteral()).isEqualTo("[1.0,0.0]");
    }

    @Test
    void valuesAreDefensiveCopies() {
        Embedding e = Embedding.normalized("m", new float[] {1, 0});
        e.values()[0] = 42;
        assertThat(e.values()[0]).isEqualTo(1.0f);
    }
}
