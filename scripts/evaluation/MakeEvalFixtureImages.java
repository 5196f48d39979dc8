import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the tiny images of the evaluation importer fixtures
 * (inference-ejb/src/test/resources/evaluation/<format>/). Run once from the repository root
 * after changing the list; the images are committed:
 *
 *   java scripts/evaluation/MakeEvalFixtureImages.java inference-ejb/src/test/resources/evaluation
 *
 * Each image is a valid 4x4 PNG or JPEG of one colour, so that tests exercise real files.
 */
public class MakeEvalFixtureImages {

    static final List<String> IMAGES = List.of(
            "yollava/train/bo/0.png", "yollava/train/mam/0.png",
            "yollava/test/bo/1.png", "yollava/test/bo/2.png", "yollava/test/mam/1.png", "yollava/test/stranger/1.png",
            "rap/train/bo/0.png", "rap/train/mam/0.png", "rap/test/bo/1.png", "rap/test/mam/1.png",
            "mcllava/two_concept/concept/train/Bafan/0.png", "mcllava/two_concept/concept/train/Xuezhixia/0.png",
            "mcllava/two_concept/concept/test/Bafan/0.png", "mcllava/two_concept/concept/test/Bafan/1.png",
            "mcllava/two_concept/concept/test/Xuezhixia/0.jpg",
            "mcllava/two_concept/multi/Bafan_Xuezhixia/0.png",
            "mcllava/three_concept/concept/train/Anya/0.png", "mcllava/three_concept/concept/train/Loid/0.png",
            "mcllava/three_concept/concept/train/Yor/0.png",
            "mcllava/three_concept/concept/test/Anya/0.png", "mcllava/three_concept/concept/test/Loid/0.png",
            "mcllava/three_concept/concept/test/Yor/0.png",
            "mcllava/three_concept/multi/Anya_Loid_Yor/0.png",
            "seed/train/bo.png", "seed/train/mam.jpg", "seed/test/bo-beach.png", "seed/test/mam-sofa.png");

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : "inference-ejb/src/test/resources/evaluation");
        for (int i = 0; i < IMAGES.size(); i++) {
            Path file = base.resolve(IMAGES.get(i));
            Files.createDirectories(file.getParent());
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            Color colour = Color.getHSBColor(i / (float) IMAGES.size(), 0.6f, 0.9f);
            for (int x = 0; x < 4; x++) {
                for (int y = 0; y < 4; y++) {
                    image.setRGB(x, y, colour.getRGB());
                }
            }
            String format = file.toString().endsWith(".jpg") ? "jpg" : "png";
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
        }
        System.out.println("wrote " + IMAGES.size() + " images under " + base);
    }
}
