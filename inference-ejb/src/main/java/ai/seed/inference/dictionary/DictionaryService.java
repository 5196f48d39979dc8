package ai.seed.inference.dictionary;

import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.dictionary.DictionaryJobRepository;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConcept;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.jobs.JobLifecycle;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The meta-concept dictionary for operators: retrain (a background job), watch, cancel, list
 * versions, activate, roll back, point meta-concepts at trained adapters, export training data.
 * The platform dictionary belongs to platform admins; a tenant admin manages only the tenant's
 * own dictionary version, if the tenant has one.
 */
@ApplicationScoped
@jakarta.transaction.Transactional
public class DictionaryService {

    /** A running job that has not reported for this long is considered dead (its node stopped). */
    static final Duration STALE = Duration.ofMinutes(2);
    private static final Set<String> SOURCES = Set.of("tenant-concepts", "platform-concepts", "yollava", "mc-llava");

    @Inject
    DictionaryJobRepository jobs;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    RetrainWorker worker;
    @Resource
    ManagedExecutorService executor;
    @Inject
    ai.seed.inference.adapters.ActivationGate gate;

    public JobView retrain(Caller caller, RetrainRequest request) {
        UUID scope = scope(caller);
        validate(caller, scope, request);
        jobs.failStale(STALE);
        worker.recoverInterrupted();
        DictionaryJob job;
        try {
            job = jobs.create(new DictionaryJob(scope, request.k(), request.source(), request.datasetPath(), caller.actor()));
        } catch (IllegalStateException e) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "retrain-running", e.getMessage());
        }
        UUID id = job.id();
        executor.submit(() -> worker.run(id, request));
        return JobView.of(job);
    }

    public JobView job(Caller caller, UUID jobId) {
        return jobs.find(scope(caller), jobId).map(JobView::of).orElseThrow(() -> ServiceException.notFound("job"));
    }

    public List<JobView> recentJobs(Caller caller) {
        return jobs.recent(scope(caller), 20).stream().map(JobView::of).toList();
    }

    public JobView cancel(Caller caller, UUID jobId) {
        job(caller, jobId);
        return JobView.of(JobLifecycle.cancel(worker.ledger(), jobId, worker.lock()));
    }

    public List<VersionView> versions(Caller caller) {
        return dictionaries.versions(scope(caller)).stream().map(VersionView::of).toList();
    }

    public VersionView activate(Caller caller, long versionId) {
        return activate(caller, versionId, false);
    }

    /**
     * Activates a version, after making sure the small-VLM server serves its adapters: a version
     * whose adapters are not all served is refused with the list of what is missing, unless
     * {@code evenIfNotServed} (turns then run on the base model for those meta-concepts, labelled).
     */
    public VersionView activate(Caller caller, long versionId, boolean evenIfNotServed) {
        ownVersion(caller, versionId);
        List<String> missing = gate.notServed(versionId);
        if (!missing.isEmpty() && !evenIfNotServed) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "adapters-not-served",
                    "the small-VLM server does not serve " + missing.size() + " adapter(s) of version " + versionId
                            + ": " + String.join("; ", missing) + ". Upload them, or activate anyway");
        }
        try {
            dictionaries.activate(versionId);
        } catch (IllegalStateException e) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "not-activatable", e.getMessage());
        }
        gate.activated(versionId);
        return ownVersion(caller, versionId);
    }

    /** Activates the version that was active before the current one. */
    public VersionView rollback(Caller caller) {
        DictionaryVersion previous = dictionaries.previouslyActive(scope(caller))
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.CONFLICT, "nothing-to-roll-back",
                        "no earlier active version to roll back to"));
        return activate(caller, previous.id());
    }

    public VersionView changeAdapter(Caller caller, long versionId, int clusterIndex, String adapterRef) {
        ownVersion(caller, versionId);
        try {
            dictionaries.changeAdapter(versionId, clusterIndex, adapterRef);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-adapter", e.getMessage());
        }
        return ownVersion(caller, versionId);
    }

    /**
     * The ShareGPT / LLaMA-Factory training data for one meta-concept's adapter: recognition and
     * detection samples of its member concepts (descriptions as stored; image paths as given).
     */
    public String trainingManifest(Caller caller, long versionId, int clusterIndex,
                                   Map<String, List<String>> imagePathsByConcept) {
        DictionaryVersion version = dictionaries.versions(scope(caller)).stream().filter(v -> v.id() == versionId)
                .findFirst().orElseThrow(() -> ServiceException.notFound("dictionary version"));
        MetaConcept mc = version.metaConcepts().stream().filter(m -> m.clusterIndex() == clusterIndex).findFirst()
                .orElseThrow(() -> ServiceException.notFound("meta-concept " + clusterIndex));
        List<ClusterInput> members = mc.members().stream()
                .map(m -> new ClusterInput(m.conceptKey(), m.label(), mc.centroid())).toList();
        ClusterInput representative = members.stream().filter(m -> m.conceptKey().equals(mc.representativeKey()))
                .findFirst().orElse(members.get(0));
        ClusterResult cluster = new ClusterResult(clusterIndex, mc.centroid(), representative, members);
        if (imagePathsByConcept.isEmpty()) {
            // Relative paths of an export bundle: operators place each concept's images there.
            imagePathsByConcept = members.stream().collect(Collectors.toMap(ClusterInput::conceptKey,
                    m -> List.of("images/" + m.conceptKey().replaceAll("[^A-Za-z0-9_.-]", "_") + "/0.jpg")));
        }
        Map<String, String> descriptions = members.stream()
                .collect(Collectors.toMap(ClusterInput::conceptKey, m -> m.label() + " is a concept of this cluster."));
        try {
            return new TrainingManifestExporter().export(cluster, descriptions, imagePathsByConcept);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("manifest", e.getMessage());
        }
    }

    /**
     * The ready training job of one meta-concept's adapter: LLaMA-Factory config, Kubernetes Job
     * that trains and uploads it with an upload key, the dataset, the steps (docs/ADAPTERS.md).
     */
    public byte[] trainingBundle(Caller caller, long versionId, int clusterIndex) {
        String dataset = trainingManifest(caller, versionId, clusterIndex, Map.of());
        String label = dictionaries.versions(scope(caller)).stream().filter(v -> v.id() == versionId)
                .flatMap(v -> v.metaConcepts().stream()).filter(m -> m.clusterIndex() == clusterIndex)
                .map(MetaConcept::label).findFirst().orElse("meta-" + clusterIndex);
        try {
            return new TrainingJobBundle(TrainingJobSettings.defaults()).zip(versionId, clusterIndex, label, dataset);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("training-bundle", e.getMessage());
        }
    }

    private static UUID scope(Caller caller) {
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return null;
        }
        return caller.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER).tenant();
    }

    private static void validate(Caller caller, UUID scope, RetrainRequest r) {
        if (r.k() < 1 || r.k() > 1000) {
            throw ServiceException.invalid("bad-k", "K must be between 1 and 1000");
        }
        if (r.source() == null || !SOURCES.contains(r.source())) {
            throw ServiceException.invalid("bad-source", "source must be one of " + SOURCES);
        }
        if ("platform-concepts".equals(r.source()) && scope != null) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "forbidden",
                    "only platform admins cluster every tenant's concepts");
        }
        if ("tenant-concepts".equals(r.source()) && scope == null) {
            throw ServiceException.invalid("bad-source", "a platform admin clusters platform-concepts or a dataset");
        }
        if (r.source().equals("yollava") || r.source().equals("mc-llava")) {
            if (scope != null) {
                throw new ServiceException(ServiceException.Kind.FORBIDDEN, "forbidden",
                        "datasets on the server's disk are for platform admins");
            }
            if (r.datasetPath() == null || !Files.isDirectory(Path.of(r.datasetPath()))) {
                throw ServiceException.invalid("bad-dataset", "dataset folder not found on the server: " + r.datasetPath());
            }
        }
    }

    private VersionView ownVersion(Caller caller, long versionId) {
        return dictionaries.versions(scope(caller)).stream().filter(v -> v.id() == versionId).findFirst()
                .map(VersionView::of).orElseThrow(() -> ServiceException.notFound("dictionary version"));
    }
}
