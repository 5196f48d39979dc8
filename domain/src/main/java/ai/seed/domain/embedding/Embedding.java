package ai.seed.domain.embedding;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An L2-normalised vector together with the embedder that produced it.
 *
 * <p>Invariant: vectors of different embedders (or dimensions) are never compared; every
 * operation that combines two embeddings checks this and throws
 * {@link IncompatibleEmbeddingException} instead of returning a meaningless number.
 */
public final class Embedding {

    private final String embedderId;
    private final float[] values;

    private Embedding(String embedderId, float[] values) {
        this.embedderId = embedderId;
        this.values = values;
    }

    /** Normalises {@code raw} to unit length; rejects empty, non-finite and all-zero vectors. */
    public static Embedding normalized(String embedderId, float[] raw) {
        if (embedderId == null || embedderId.isBlank()) {
            throw new IllegalArgumentException("embedder id is required");
        }
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one dimension");
        }
        double sumOfSquares = 0;
        for (float v : raw) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("embedding contains a non-finite value");
            }
            sumOfSquares += (double) v * v;
        }
        if (sumOfSquares == 0) {
            throw new IllegalArgumentException("an all-zero vector has no direction");
        }
        double norm = Math.sqrt(sumOfSquares);
        float[] unit = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            unit[i] = (float) (raw[i] / norm);
        }
        return new Embedding(embedderId, unit);
    }

    /**
     * The normalised mean of several embeddings of one embedder: the paper's scenario embedding
     * (mean of concept embeddings) and a concept's embedding (mean of its reference images).
     */
    public static Embedding mean(List<Embedding> embeddings) {
        if (embeddings == null || embeddings.isEmpty()) {
            throw new IllegalArgumentException("the mean of no embeddings is undefined");
        }
        Embedding first = embeddings.get(0);
        float[] sum = new float[first.dimension()];
        for (Embedding e : embeddings) {
            first.requireCompatible(e);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += e.values[i];
            }
        }
        return normalized(first.embedderId, sum);
    }

    public String embedderId() {
        return embedderId;
    }

    public int dimension() {
        return values.length;
    }

    /** A defensive copy: the value object stays immutable. */
    public float[] values() {
        return values.clone();
    }

    /** Cosine similarity; both sides are unit vectors, so this is the dot product. */
    public double cosine(Embedding other) {
        requireCompatible(other);
        double dot = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
        }
        return dot;
    }

    /** pgvector's text form, {@code [0.1,0.2,...]}, for native queries ({@code CAST(? AS vector)}). */
    public String toVectorLiteral() {
        StringBuilder sb = new StringBuilder(values.length * 12).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%s", values[i]));
        }
        return sb.append(']').toString();
    }

    public void requireCompatible(Embedding other) {
        if (!embedderId.equals(other.embedderId) || values.length != other.values.length) {
            throw new IncompatibleEmbeddingException(embedderId, values.length, other.embedderId, other.values.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && embedderId.equals(e.embedderId) && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(embedderId, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Embedding[" + embedderId + ", dim=" + values.length + "]";
    }
}
