package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file half of an upload: the upload is unpacked into a scratch folder of the adapter store,
 * validated there, and only then renamed into place under its content-derived name. A refusal
 * leaves nothing behind and becomes a 4xx that says what is wrong.
 */
@ApplicationScoped
public class AdapterIntake {

    @Inject
    AdapterStore store;

    /** Largest adapter_model.safetensors accepted (the HTTP listener caps requests too: SEED_MAX_REQUEST_BYTES). */
    @Inject
    @ConfigProperty(name = "seed.adapters.max-bytes", defaultValue = "1073741824")
    long maxBytes;

    /** A validated adapter in the store; {@code createdNow}: this upload put its folder there. */
    public record Stored(String sha256, String servedName, AdapterArtifact.Facts facts, List<String> warnings,
                         boolean createdNow) {
    }

    public Stored validateAndStore(AdapterUpload upload, String acceptBaseModel) {
        AdapterLimits limits = AdapterLimits.defaults().withMaxWeightsBytes(maxBytes)
                .withMaxArchiveBytes(maxBytes + 64 * AdapterLimits.MIB);
        String expected = acceptBaseModel == null || acceptBaseModel.isBlank() ? store.configuredBaseModel()
                : acceptBaseModel.strip();
        Path scratch = null;
        try {
            UnpackedAdapter unpacked = unpack(new AdapterArchive(store.scratchParent(), limits), upload);
            scratch = unpacked.dir();
            ValidatedAdapter adapter = new AdapterValidator(limits).validate(scratch, expected);
            String name = adapter.servedName();
            boolean created = store.install(scratch, name);
            return new Stored(adapter.sha256(), name, facts(adapter), unpacked.warnings(), created);
        } catch (AdapterRejectedException e) {
            ScratchFiles.deleteTree(scratch);
            throw rejected(e);
        } catch (IOException | RuntimeException e) {
            ScratchFiles.deleteTree(scratch);
            if (e instanceof ServiceException se) {
                throw se;
            }
            throw new ServiceException(ServiceException.Kind.INVALID, "adapter-unreadable",
                    "the upload could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static UnpackedAdapter unpack(AdapterArchive archive, AdapterUpload upload) throws IOException {
        if (upload instanceof AdapterUpload.Zip zip) {
            return archive.fromZip(zip.zip());
        }
        AdapterUpload.Files files = (AdapterUpload.Files) upload;
        return archive.fromFiles(files.config(), files.weights());
    }

    /** Undoes {@link #validateAndStore} when the database refused the artifact. */
    public void discard(Stored stored) {
        if (stored.createdNow()) {
            store.remove(stored.servedName());
        }
    }

    static AdapterArtifact.Facts facts(ValidatedAdapter a) {
        return new AdapterArtifact.Facts(a.baseModel() == null ? "" : a.baseModel(), a.r(), a.loraAlpha(),
                a.targetModules(), a.tensorCount(), a.weightsBytes() + a.configBytes());
    }

    static ServiceException rejected(AdapterRejectedException e) {
        return new ServiceException(e.tooLarge() ? ServiceException.Kind.TOO_LARGE : ServiceException.Kind.INVALID,
                e.code(), e.getMessage(), e);
    }
}
