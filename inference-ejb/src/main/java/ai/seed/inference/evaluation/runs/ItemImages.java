package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredImage;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.images.AcceptedImage;
import ai.seed.inference.images.ImageIntake;
import ai.seed.inference.images.ImageLimits;
import ai.seed.inference.images.ImageRejectedException;
import ai.seed.inference.service.ServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks every item image of a dataset before anything is stored: each must lie inside
 * the dataset folder and pass the same image intake as concept images (type sniffed, size and
 * pixel limits). Identical files are stored once per set.
 */
final class ItemImages {

    /** Distinct images of a set, summed; more is refused with 413. */
    static final long MAX_TOTAL_IMAGE_BYTES = 512L * 1024 * 1024;

    private ItemImages() {
    }

    record Prepared(List<StoredImage> images, List<StoredItem> items) {
    }

    static Prepared prepare(EvalDataset dataset, Path root) {
        Path base = root.toAbsolutePath().normalize();
        Map<Path, StoredImage> byFile = new HashMap<>();
        Map<String, StoredImage> bySha = new LinkedHashMap<>();
        List<StoredItem> items = new ArrayList<>();
        long total = 0;
        int position = 0;
        for (EvalItem item : dataset.items()) {
            String sha = null;
            if (item.image() != null) {
                Path file = item.image().toAbsolutePath().normalize();
                StoredImage image = byFile.get(file);
                if (image == null) {
                    image = accept(item, file, base);
                    byFile.put(file, image);
                    if (bySha.putIfAbsent(image.sha256(), image) == null) {
                        total += image.bytes().length;
                    }
                    if (total > MAX_TOTAL_IMAGE_BYTES) {
                        throw new ServiceException(ServiceException.Kind.TOO_LARGE, "dataset-too-large",
                                "the dataset's images exceed " + (MAX_TOTAL_IMAGE_BYTES >> 20) + " MiB");
                    }
                }
                sha = image.sha256();
            }
            items.add(StoredItems.toStored(position++, item, sha));
        }
        return new Prepared(List.copyOf(bySha.values()), items);
    }

    private static StoredImage accept(EvalItem item, Path file, Path base) {
        String shown = base.relativize(file).toString();
        if (!file.startsWith(base)) {
            throw bad(item, shown, "the image lies outside the dataset");
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw bad(item, shown, "the image file is missing");
            }
            if (Files.size(file) > ImageLimits.DEFAULT_MAX_BYTES) {
                throw bad(item, shown, "the image is larger than " + (ImageLimits.DEFAULT_MAX_BYTES >> 20) + " MiB");
            }
            AcceptedImage accepted = ImageIntake.accept(Files.readAllBytes(file), ImageLimits.defaults());
            return new StoredImage(accepted.sha256(), accepted.mimeType(), accepted.bytes());
        } catch (ImageRejectedException e) {
            throw bad(item, shown, e.getMessage());
        } catch (IOException e) {
            throw bad(item, shown, "the image could not be read");
        }
    }

    private static ServiceException bad(EvalItem item, String file, String why) {
        return ServiceException.invalid("malformed-dataset", "item " + item.key() + " (" + file + "): " + why);
    }
}
