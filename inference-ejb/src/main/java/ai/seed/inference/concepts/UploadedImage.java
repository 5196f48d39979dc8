package ai.seed.inference.concepts;

/** Bytes as they arrived; the declared type and file name are kept for messages only. */
public record UploadedImage(byte[] bytes, String fileName) {

    @Override
    public String toString() {
        return "UploadedImage[" + fileName + ", " + (bytes == null ? 0 : bytes.length) + " bytes]";
    }
}
