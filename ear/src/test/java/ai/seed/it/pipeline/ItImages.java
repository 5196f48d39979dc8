package ai.seed.it.pipeline;

import java.awt.image.BufferedImage;

/** Public access to the synthetic test images for tests in other packages. */
public final class ItImages {

    private ItImages() {
    }

    public static BufferedImage toy(int size) {
        return Scenes.toy(size);
    }

    public static byte[] toyPng(int size) {
        return Scenes.png(Scenes.toy(size)).bytes();
    }

    /** The toy at the top left and the mug at the bottom right of a 300 x 300 photo. */
    public static byte[] scenePng() {
        return Scenes.scene().bytes();
    }

    public static byte[] mugPng(int size) {
        return Scenes.png(Scenes.mug(size)).bytes();
    }
}
