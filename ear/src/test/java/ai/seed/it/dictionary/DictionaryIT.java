package ai.seed.it.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptName;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.concept.ReferenceImageData;
import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.dictionary.DictionaryJobRepository;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.tenant.Tenant;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.Role;
import ai.seed.inference.dictionary.DictionaryService;
import ai.seed.inference.dictionary.JobView;
import ai.seed.inference.dictionary.RetrainRequest;
import ai.seed.inference.dictionary.VersionView;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.pipeline.AdapterChoice;
import ai.seed.inference.pipeline.AdapterRouter;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retraining and activating the meta-concept dictionary on the real database: K-means recovers
 * known clusters, one retrain at a time, activation and rollback, and turns routing concurrently
 * with activations always see one complete version.
 */
@ExtendWith(ArquillianExtension.class)
class DictionaryIT {

    private static final String E = BaselineEmbedder.ID;
    private static final int D = BaselineEmbedder.DIMENSION;

    @Deployment
    static EnterpriseArchive deployment() {
        return ai.seed.it.pipeline.PipelineFixture.deployment("dictionary-it.war");
    }

    @Inject
    DictionaryService dictionaryService;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    DictionaryJobRepository jobs;
    @Inject
    ai.seed.inference.dictionary.RetrainWorker retrainWorker;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/SeedDS")
    javax.sql.DataSource dataSource;
    @Inject
    ConceptRepository concepts;
    @Inject
    TenantRepository tenants;
    @Inject
    AdapterRouter router;

    Caller admin;

    @BeforeEach
    void freshTenant() {
        Tenant t = tenants.create(new Tenant("dict-" + UUID.randomUUID().toString().substring(0, 8), "Dictionary IT"));
        admin = Caller.of("admin@dict", t.id(), Role.TENANT_ADMIN);
    }

    /** A direction: `axis`-th unit vector plus seeded noise. */
    private static Embedding around(int axis, Random random) {
        float[] v = new float[D];
        v[axis] = 1;
        for (int i = 0; i < D; i++) {
            v[i] += (float) (random.nextGaussian() * 0.05);
        }
        return Embedding.normalized(E, v);
    }

    private void addConcept(String name, Embedding embedding) {
        byte[] png = ai.seed.it.pipeline.ItImages.toyPng(32);
        concepts.add(new Concept(admin.tenantId(), new ConceptName(name), name + " is a test concept.",
                List.of(new ReferenceImageData("image/png", "00", 32, 32, png, png, embedding)), "it"));
    }

    private JobView awaitFinished(UUID jobId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JobView job = dictionaryService.job(admin, jobId);
            if (job.finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("retrain did not finish in 30 s");
    }

    @Test
    void retrainingRecoversKnownClustersAsANewReadyVersion() throws Exception {
        Random random = new Random(7);
        List<Set<String>> truth = new ArrayList<>();
        for (int cluster = 0; cluster < 3; cluster++) {
            Set<String> names = new HashSet<>();
            for (int member = 0; member < 5; member++) {
                String name = "<c" + cluster + "-m" + member + ">";
                addConcept(name, around(cluster * 40, random));
                names.add(name);
            }
            truth.add(names);
        }

        JobView started = dictionaryService.retrain(admin, new RetrainRequest(3, "tenant-concepts", null, 42));
        JobView done = awaitFinished(started.id());

        assertEquals("SUCCEEDED", done.status(), done.message());
        assertEquals(100, done.progress());
        VersionView version = dictionaryService.versions(admin).stream()
                .filter(v -> v.id() == done.resultVersionId()).findFirst().orElseThrow();
        assertEquals("READY", version.status());
        assertEquals(3, version.metaConcepts().size());
        Set<Set<String>> found = new HashSet<>();
        for (VersionView.MetaConceptView mc : version.metaConcepts()) {
            Set<String> members = new HashSet<>(mc.memberLabels());
            found.add(members);
            assertTrue(members.contains(mc.label()), "the representative is a member");
            assertEquals(5, mc.memberCount());
        }
        assertEquals(new HashSet<>(truth), found);
    }

    @Test
    void aPlatformAdminClustersAYoLlavaDatasetInItsPublishedLayout() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("yollava");
        String[] names = {"bo", "mam", "shiba-sleep", "toodles", "marie-cat", "mydieu"};
        for (int i = 0; i < names.length; i++) {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(root.resolve("train").resolve(names[i]));
            for (int j = 0; j < 2; j++) {
                byte[] png = i % 2 == 0 ? ai.seed.it.pipeline.ItImages.toyPng(40 + j * 8)
                        : ai.seed.it.pipeline.ItImages.mugPng(40 + j * 8);
                java.nio.file.Files.write(folder.resolve(j + ".png"), png);
            }
        }
        Caller platform = Caller.of("root", null, Role.PLATFORM_ADMIN);
        JobView started = dictionaryService.retrain(platform, new RetrainRequest(2, "yollava", root.toString(), 5));
        JobView done = null;
        for (int i = 0; i < 300 && (done == null || !done.finished()); i++) {
            Thread.sleep(100);
            done = dictionaryService.job(platform, started.id());
        }
        assertEquals("SUCCEEDED", done.status(), done.message());
        long resultId = done.resultVersionId();
        VersionView version = dictionaryService.versions(platform).stream()
                .filter(v -> v.id() == resultId).findFirst().orElseThrow();
        assertEquals("yollava", version.source());
        Set<Set<String>> clusters = new HashSet<>();
        version.metaConcepts().forEach(mc -> clusters.add(new HashSet<>(mc.memberLabels())));
        assertEquals(Set.of(Set.of("<bo>", "<shiba-sleep>", "<marie-cat>"), Set.of("<mam>", "<toodles>", "<mydieu>")),
                clusters);
        // A tenant admin cannot read the platform's jobs.
        assertEquals(ServiceException.Kind.NOT_FOUND, assertThrows(ServiceException.class,
                () -> dictionaryService.job(admin, started.id())).kind());
    }

    @Test
    void onlyOneRetrainRunsAtATime() throws Exception {
        DictionaryJob running = jobs.create(new DictionaryJob(admin.tenantId(), 3, "tenant-concepts", null, "other"));
        jobs.update(running.id(), j -> j.start(E));
        try (var otherNode = retrainLockHeldElsewhere()) { // a live job holds the retrain lock
            ServiceException e = assertThrows(ServiceException.class,
                    () -> dictionaryService.retrain(admin, new RetrainRequest(3, "tenant-concepts", null, 1)));
            assertEquals("retrain-running", e.code());
        } finally {
            jobs.update(running.id(), j -> j.fail("test done"));
        }
    }

    /** kill -9 of the node running a retrain: its job stays RUNNING, but nobody holds the lock. */
    @Test
    void aJobLeftRunningByADeadNodeIsFailedOnRecoveryAndALiveOneIsNot() throws Exception {
        DictionaryJob orphan = jobs.create(new DictionaryJob(admin.tenantId(), 3, "tenant-concepts", null, "dead-node"));
        jobs.update(orphan.id(), j -> j.start(E));
        try (var otherNode = retrainLockHeldElsewhere()) {
            assertEquals(0, retrainWorker.recoverInterrupted(), "a held lock means the job is alive");
            assertEquals("RUNNING", dictionaryService.job(admin, orphan.id()).status());
        }
        assertTrue(retrainWorker.recoverInterrupted() >= 1);
        JobView failed = dictionaryService.job(admin, orphan.id());
        assertEquals("FAILED", failed.status());
        assertTrue(failed.message().startsWith("interrupted"), failed.message());
        // and a new retrain may start at once (no 2-minute wait for the stale heartbeat)
        JobView next = dictionaryService.retrain(admin, new RetrainRequest(3, "tenant-concepts", null, 1));
        awaitFinished(next.id());
    }

    /** "Another node" holding the retrain lock until closed (unlocked before its connection goes back to the pool). */
    private AutoCloseable retrainLockHeldElsewhere() throws java.sql.SQLException {
        java.sql.Connection c = dataSource.getConnection();
        lockCall(c, "pg_advisory_lock");
        return () -> {
            try (c) {
                lockCall(c, "pg_advisory_unlock");
            }
        };
    }

    private static void lockCall(java.sql.Connection c, String function) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, ai.seed.inference.dictionary.RetrainWorker.LOCK_KEY);
            ps.execute();
        }
    }

    @Test
    void badRetrainRequestsAreRefused() {
        assertEquals("bad-k", assertThrows(ServiceException.class,
                () -> dictionaryService.retrain(admin, new RetrainRequest(0, "tenant-concepts", null, 1))).code());
        assertEquals("bad-source", assertThrows(ServiceException.class,
                () -> dictionaryService.retrain(admin, new RetrainRequest(3, "everything", null, 1))).code());
        assertEquals(ServiceException.Kind.FORBIDDEN, assertThrows(ServiceException.class,
                () -> dictionaryService.retrain(admin, new RetrainRequest(3, "platform-concepts", null, 1))).kind());
    }

    @Test
    void tooFewConceptsFailTheJobWithAClearMessage() throws Exception {
        addConcept("<only>", around(1, new Random(1)));
        JobView done = awaitFinished(dictionaryService.retrain(admin, new RetrainRequest(3, "tenant-concepts", null, 1)).id());
        assertEquals("FAILED", done.status());
        assertTrue(done.message().contains("K=3"), done.message());
    }

    private long tenantVersion(String prefix) {
        DictionaryVersion v = new DictionaryVersion(admin.tenantId(), prefix, E, D);
        for (int i = 0; i < 4; i++) {
            v.addMetaConcept(i, "<" + prefix + i + ">", prefix + "-" + i, 1, around(i * 30, new Random(i)));
        }
        v.markReady();
        return dictionaries.save(v).id();
    }

    @Test
    void activationAndRollbackAreOneActionEach() {
        long first = tenantVersion("first");
        long second = tenantVersion("second");
        dictionaryService.activate(admin, first);
        dictionaryService.activate(admin, second);
        assertEquals(second, dictionaries.active(admin.tenantId()).orElseThrow().id());

        VersionView back = dictionaryService.rollback(admin);

        assertEquals(first, back.id());
        assertEquals("ACTIVE", back.status());
        assertEquals(first, dictionaries.active(admin.tenantId()).orElseThrow().id());
    }

    @Test
    void concurrentTurnsAlwaysRouteWithinOneCompleteVersion() throws Exception {
        long a = tenantVersion("va");
        long b = tenantVersion("vb");
        dictionaryService.activate(admin, a);
        List<TurnConcept> scene = List.of(new TurnConcept(new ConceptCue("<x>", "<x> is x."), null, around(30, new Random(3))));
        AtomicBoolean flipping = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> routers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            routers.add(pool.submit(() -> {
                int checked = 0;
                while (flipping.get()) {
                    AdapterChoice choice = router.route(admin.tenantId(), scene, 2);
                    String expectedPrefix = choice.dictionaryVersionId() == a ? "va-" : "vb-";
                    if (!choice.chosen() || !choice.topK().stream().allMatch(m -> m.adapterRef().startsWith(expectedPrefix))) {
                        throw new AssertionError("mixed or missing version: " + choice);
                    }
                    checked++;
                }
                return checked;
            }));
        }
        for (int i = 0; i < 20; i++) {
            dictionaryService.activate(admin, i % 2 == 0 ? b : a);
        }
        flipping.set(false);
        int total = 0;
        for (Future<Integer> f : routers) {
            total += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        assertTrue(total > 0, "routes were checked");
    }
}
