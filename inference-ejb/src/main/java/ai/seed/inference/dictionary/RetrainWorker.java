package ai.seed.inference.dictionary;

import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.dictionary.DictionaryJobRepository;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConcept;
import ai.seed.domain.dictionary.MetaConceptMember;
import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.InProcessEmbedder;
import ai.seed.inference.model.Images;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.jobs.CancelFlag;
import ai.seed.inference.jobs.JobLedger;
import ai.seed.inference.jobs.JobLifecycle;
import ai.seed.inference.jobs.JobLock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one retrain job on a managed thread: collects the concept embeddings, clusters them with
 * K-means (paper §3.3.1, App. C.1), and stores the result as a new READY dictionary version. A
 * PostgreSQL advisory lock makes it run once at a time across all nodes; chat never waits for it
 * (turns keep using the active version until an operator activates the new one).
 */
@ApplicationScoped
public class RetrainWorker {

    private static final Logger LOG = Logger.getLogger(RetrainWorker.class.getName());
    /** The PostgreSQL session advisory lock a running retrain holds (one at a time, all nodes). */
    public static final long LOCK_KEY = 0x5EED_D1C7L;

    @Inject
    DictionaryJobRepository jobs;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    ConceptRepository concepts;
    @Inject
    ModelBackends backends;
    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    public void run(UUID jobId, RetrainRequest request) {
        InProcessEmbedder embedder = backends.current().embedder();
        try {
            boolean ran = lock().whileFree(() -> JobLifecycle.drive("Dictionary retrain", ledger(), jobId,
                    j -> j.start(embedder.embedderId()), (job, cancelled) -> execute(job, request, embedder, cancelled)))
                    .isPresent();
            if (!ran) {
                jobs.update(jobId, j -> j.fail("another node is retraining a dictionary right now"));
            }
        } catch (SQLException e) {
            jobs.update(jobId, j -> j.fail("database unavailable: " + e.getMessage()));
        }
    }

    /** The retrain lock: one retrain at a time on all nodes. */
    public JobLock lock() {
        return JobLock.advisory(dataSource, LOCK_KEY);
    }

    /** Retrain jobs as the shared life cycle reads and changes them. */
    public JobLedger<DictionaryJob> ledger() {
        return new JobLedger<>() {
            @Override
            public java.util.Optional<DictionaryJob> find(UUID id) {
                return jobs.find(id);
            }

            @Override
            public DictionaryJob update(UUID id, java.util.function.Consumer<DictionaryJob> change) {
                return jobs.update(id, change);
            }
        };
    }

    /**
     * Marks jobs left QUEUED or RUNNING by a node that died (kill -9, power loss) as FAILED, at once
     * rather than after {@link DictionaryService#STALE}: a running job always holds the retrain
     * lock, and a dead node's session lock is released by PostgreSQL, so if this node gets the lock
     * no job is really running. Nothing else changes: a retrain stores its version in one
     * transaction, so an interrupted job left no partial version. Returns how many were failed.
     */
    public int recoverInterrupted() {
        try {
            // Lock held elsewhere: a retrain is running somewhere and its jobs are alive.
            int n = lock().whileFree(() -> jobs.failInterrupted(
                    java.time.Duration.ofSeconds(30), "interrupted: the server running it stopped; start the retrain again"))
                    .orElse(0);
            if (n > 0) {
                LOG.warning("Marked " + n + " interrupted dictionary retrain job(s) as failed");
            }
            return n;
        } catch (SQLException | RuntimeException e) {
            LOG.warning("Could not check for interrupted retrain jobs: " + e.getClass().getSimpleName());
            return 0;
        }
    }

    private java.util.function.Consumer<DictionaryJob> execute(DictionaryJob job, RetrainRequest request,
                                                               InProcessEmbedder embedder, CancelFlag cancelled) {
        List<ClusterInput> inputs = collect(job, request, embedder, cancelled);
        ClusteringResult result = new MetaConceptClustering().cluster(inputs, request.k(), request.seed(),
                (percent, phase) -> report(job.id(), 30 + percent * 6 / 10, phase), cancelled);
        long versionId = store(job, request, result);
        LOG.info("Dictionary retrain " + job.id() + " produced version " + versionId + " (K=" + request.k() + ", "
                + inputs.size() + " concepts)");
        return j -> j.succeed(versionId);
    }

    private List<ClusterInput> collect(DictionaryJob job, RetrainRequest request, InProcessEmbedder embedder,
                                       CancelFlag cancelled) {
        report(job.id(), 2, "collecting concepts");
        return switch (request.source()) {
            case "tenant-concepts", "platform-concepts" -> concepts.embeddingsForClustering(job.tenantId(),
                            embedder.embedderId()).stream()
                    .map(c -> new ClusterInput(c.id().toString(),
                            job.tenantId() == null ? "concept-" + c.id().toString().substring(0, 8) : c.name(),
                            c.embedding()))
                    .toList();
            case "yollava" -> embedDataset(job.id(), DatasetRoots.read(Path.of(request.datasetPath()), YoLlavaDataset::read), embedder, cancelled);
            case "mc-llava" -> embedDataset(job.id(), DatasetRoots.read(Path.of(request.datasetPath()), McLlavaDataset::read), embedder, cancelled);
            default -> throw new IllegalArgumentException("unknown clustering source " + request.source());
        };
    }

    /** Dataset concepts: the mean of their images' embeddings, as for registered concepts. */
    private List<ClusterInput> embedDataset(UUID jobId, DatasetReadResult dataset, InProcessEmbedder embedder,
                                            CancelFlag cancelled) {
        List<ClusterInput> inputs = new ArrayList<>();
        int done = 0;
        for (DatasetConcept concept : dataset.concepts()) {
            cancelled.throwIfSet("while embedding dataset images");
            List<Embedding> images = new ArrayList<>();
            for (Path image : concept.images()) {
                images.add(embedder.embed(Images.decode(new ImageData(read(image), "image/" + extension(image)))));
            }
            inputs.add(new ClusterInput(ClusterInput.datasetKey(concept.name()), concept.id(), Embedding.mean(images)));
            report(jobId, 2 + (++done * 28 / Math.max(1, dataset.concepts().size())), "embedding dataset images");
        }
        dataset.skipped().forEach(s -> LOG.info("dataset folder skipped: " + s));
        return inputs;
    }

    private long store(DictionaryJob job, RetrainRequest request, ClusteringResult result) {
        report(job.id(), 92, "saving the new dictionary version");
        Embedding first = result.clusters().get(0).centroid();
        DictionaryVersion version = new DictionaryVersion(job.tenantId(),
                "K=" + request.k() + " from " + request.source() + " (" + LocalDate.now() + ")",
                first.embedderId(), first.dimension());
        for (ClusterResult cluster : result.clusters()) {
            MetaConcept mc = version.addMetaConcept(cluster.index(), cluster.representative().label(),
                    "meta-" + cluster.index(), cluster.size(), cluster.centroid());
            mc.recordMembers(cluster.representative().conceptKey(), cluster.members().stream()
                    .map(m -> new MetaConceptMember.Data(m.conceptKey(), m.label(), m.embedding().cosine(cluster.centroid())))
                    .toList());
        }
        version.describeTraining(request.source(), result.inertia());
        version.markReady();
        return dictionaries.save(version).id();
    }

    private void report(UUID jobId, int percent, String phase) {
        jobs.update(jobId, j -> j.progress(percent, phase));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase();
        return name.endsWith(".png") ? "png" : name.endsWith(".webp") ? "webp" : "jpeg";
    }
}
