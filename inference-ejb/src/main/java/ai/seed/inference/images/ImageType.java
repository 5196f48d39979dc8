package ai.seed.inference.images;

/**
 * The image formats Seed accepts. Everything else is rejected at intake, whatever its name or
 * declared Content-Type says.
 */
public enum ImageType {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    WEBP("image/webp", "webp", "webp");

    private final String mimeType;
    private final String extension;
    private final String imageIoFormat;

    ImageType(String mimeType, String extension, String imageIoFormat) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.imageIoFormat = imageIoFormat;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Without the dot, for names of stored files. */
    public String extension() {
        return extension;
    }

    /** The name {@link javax.imageio.ImageIO#getImageReadersByFormatName} knows the format by. */
    String imageIoFormat() {
        return imageIoFormat;
    }
}
