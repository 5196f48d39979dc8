package ai.seed.domain.evaluation;

/** One distinct image of an evaluation set ({@code eval_image}), already validated at import. */
public record StoredImage(String sha256, String mimeType, byte[] bytes) {

    @Override
    public String toString() {
        return "StoredImage[" + sha256 + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}
