package ai.seed.web.api.dictionary;

import ai.seed.inference.adapters.AdapterUpload;
import ai.seed.inference.service.ServiceException;
import jakarta.ws.rs.core.EntityPart;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Reads an adapter upload form: the PEFT folder's two files, or one zip part. */
final class AdapterForms {

    static final String CONFIG = "adapter_config.json";
    static final String WEIGHTS = "adapter_model.safetensors";

    private AdapterForms() {
    }

    static AdapterUpload upload(List<EntityPart> parts) {
        Optional<EntityPart> zip = part(parts, "adapter");
        if (zip.isPresent()) {
            return new AdapterUpload.Zip(content(zip.get()));
        }
        Optional<EntityPart> config = part(parts, CONFIG).or(() -> part(parts, "config"));
        Optional<EntityPart> weights = part(parts, WEIGHTS).or(() -> part(parts, "weights"));
        if (config.isEmpty() || weights.isEmpty()) {
            throw ServiceException.invalid("archive-missing-file", "the form needs the parts '" + CONFIG + "' and '"
                    + WEIGHTS + "' (or one part 'adapter' with the zip); it has "
                    + parts.stream().map(p -> "'" + p.getName() + "'").toList());
        }
        return new AdapterUpload.Files(content(config.get()), content(weights.get()));
    }

    /** A part by its field name, or by its file name (browsers send a folder's files under one field). */
    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> p.getName().equals(name)
                || p.getFileName().map(f -> f.equals(name) || f.endsWith("/" + name)).orElse(false)).findFirst();
    }

    private static InputStream content(EntityPart part) {
        try {
            return part.getContent();
        } catch (RuntimeException e) {
            throw ServiceException.invalid("bad-multipart", "part '" + part.getName() + "' could not be read");
        }
    }
}
