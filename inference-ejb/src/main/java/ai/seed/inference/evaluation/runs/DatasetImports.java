package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationDataset;
import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.Role;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Importing an evaluation set: unpack the upload safely ({@link SafeUnzip}), read it with the
 * importer of its format, check every image, register the dataset's concepts the tenant does not
 * have ({@link DatasetConcepts}), then store the set, its images and items in one transaction.
 * Any refusal says which entry and why, and leaves nothing behind (concepts registered by a
 * failed import are removed again).
 */
@ApplicationScoped
public class DatasetImports {

    /** The HTTP listener's default body limit (SEED_MAX_REQUEST_BYTES); a larger set: server folder. */
    public static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;
    static final int MAX_ITEMS = 100_000;

    @Inject
    EvaluationRepository repository;
    @Inject
    DatasetConcepts concepts;
    @Inject
    TenantRepository tenants;

    /** A zip uploaded by a tenant admin or partner system. */
    public DatasetView importZip(Caller caller, String name, String format, InputStream zip) {
        UUID tenant = EvaluationService.tenant(caller);
        DatasetReaders.requireKnown(format);
        Path root;
        try {
            root = SafeUnzip.defaults().unzip(zip);
        } catch (IOException e) {
            throw ServiceException.invalid("bad-zip", "the upload could not be read as a zip file");
        }
        try {
            return importFolder(caller, tenant, name, format, root);
        } finally {
            Folders.deleteQuietly(root);
        }
    }

    /** A dataset folder on the server's disk, for platform admins (as retraining reads datasets). */
    public DatasetView importServerFolder(Caller caller, UUID tenantId, String name, String format, String folder) {
        caller.require(Role.PLATFORM_ADMIN);
        UUID tenant = caller.tenantId() != null ? caller.tenantId() : tenantId;
        if (tenant == null) {
            throw ServiceException.invalid("missing-tenant", "name the tenant ('tenantId') the dataset is for");
        }
        if (tenants.find(tenant).isEmpty()) {
            throw ServiceException.notFound("tenant");
        }
        DatasetReaders.requireKnown(format);
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            throw ServiceException.invalid("bad-dataset", "dataset folder not found on the server: " + folder);
        }
        // The platform admin registers the concepts on the tenant's behalf.
        Caller acting = Caller.of(caller.actor(), tenant, Role.TENANT_ADMIN);
        return importFolder(acting, tenant, name, format, Path.of(folder));
    }

    private DatasetView importFolder(Caller caller, UUID tenant, String name, String format, Path root) {
        EvalDataset dataset = read(format, root);
        String storedName = name == null || name.isBlank() ? dataset.name() : name.strip();
        if (storedName == null || storedName.isBlank() || storedName.length() > 200) {
            throw ServiceException.invalid("bad-name", "the dataset name must be 1-200 characters");
        }
        if (dataset.items().isEmpty()) {
            throw ServiceException.invalid("empty-dataset", "the dataset has no items"
                    + (dataset.skipped().isEmpty() ? "" : "; first entry left out: " + dataset.skipped().get(0)));
        }
        if (dataset.items().size() > MAX_ITEMS) {
            throw new ServiceException(ServiceException.Kind.TOO_LARGE, "dataset-too-large",
                    dataset.items().size() + " items; the limit is " + MAX_ITEMS);
        }
        ItemImages.Prepared prepared = ItemImages.prepare(dataset, root);
        DatasetConcepts.Registration registration = concepts.ensure(caller, tenant, dataset);
        try {
            EvaluationDataset stored = repository.saveDataset(new EvaluationDataset(tenant, storedName,
                    dataset.format(), prepared.items().size(), registration.conceptIds(), dataset.skipped(),
                    caller.actor()), prepared.images(), prepared.items());
            return DatasetView.of(stored, registration.registered(), registration.reused());
        } catch (RuntimeException e) {
            concepts.undo(caller, registration);
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "store-failed",
                    "the dataset could not be stored; nothing was changed", e);
        }
    }

    private static EvalDataset read(String format, Path root) {
        try {
            return DatasetReaders.read(format, root);
        } catch (DatasetFormatException e) {
            throw ServiceException.invalid("malformed-dataset", e.entry() + ": " + e.reason());
        }
    }
}
