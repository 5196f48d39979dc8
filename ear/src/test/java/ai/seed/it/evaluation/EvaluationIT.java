package ai.seed.it.evaluation;

import ai.seed.domain.apiclient.ApiScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.evaluation.StoredResult;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.evaluation.runs.RunLocks;
import ai.seed.inference.evaluation.runs.RunRecovery;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evaluation harness end to end on WildFly + PostgreSQL over real HTTP with API keys: a
 * Yo'LLaVA-layout set is imported (its concepts registered), run in the background against a
 * fake large VLM whose scripted answers give scores computed by hand, resumed after a simulated
 * restart, cancelled, guarded against leakage, isolated between tenants, and malformed uploads
 * are refused with the entry and reason, nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
class EvaluationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("evaluation-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;
    @Inject
    EvaluationRepository repository;
    @Inject
    ConceptRepository concepts;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    RunRecovery recovery;
    @Inject
    ai.seed.inference.evaluation.runs.DatasetImports imports;
    @jakarta.persistence.PersistenceContext(unitName = "seed")
    jakarta.persistence.EntityManager em;
    @jakarta.annotation.Resource
    jakarta.transaction.UserTransaction tx;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/SeedDS")
    javax.sql.DataSource dataSource;

    FakeOpenAiServer large;
    final ScriptedModel model = new ScriptedModel();
    EvalHttp acme;
    EvalHttp globex;
    UUID acmeTenant;
    UUID globexTenant;

    @BeforeEach
    void tenantsAndModels() throws Exception {
        large = FakeOpenAiServer.start("gpt-4o").respondWith(model::reply);
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        Caller platform = Caller.of("root", null, Role.PLATFORM_ADMIN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        acmeTenant = tenancy.createTenant(platform, "eval-a-" + run, "A").id();
        globexTenant = tenancy.createTenant(platform, "eval-b-" + run, "B").id();
        acme = new EvalHttp(tenancy.issueApiKey(Caller.of("admin-a", acmeTenant, Role.TENANT_ADMIN), "ci", null, ApiScope.ALL).key());
        globex = new EvalHttp(tenancy.issueApiKey(Caller.of("admin-b", globexTenant, Role.TENANT_ADMIN), "ci", null, ApiScope.ALL)
                .key());
    }

    @AfterEach
    void restore() {
        large.close();
        backends.reconfigure(backends.configured());
    }

    private String importSet() {
        EvalHttp.Reply r = acme.upload("yollava", "tiny yollava", EvalSets.zip());
        assertEquals(201, r.status(), r.body());
        JsonObject set = r.json();
        assertEquals(12, set.getInt("itemCount"), r.body());
        return set.getString("id");
    }

    private String start(String datasetId, String extra) {
        EvalHttp.Reply r = acme.post("/runs", "{\"datasetId\": \"" + datasetId + "\", \"mode\": \"PLAIN_VLM\""
                + (extra.contains("concurrency") ? "" : ", \"concurrency\": 3") + extra + "}");
        assertEquals(202, r.status(), r.body());
        return r.json().getString("id");
    }

    private JsonObject awaitFinished(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject run = acme.get("/runs/" + runId).json();
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.getString("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish in 60 s");
    }

    private static double value(JsonObject rate) {
        return (double) rate.getInt("correct") / rate.getInt("total");
    }

    private static void assertProblem(EvalHttp.Reply r, int status, String code, String... detailParts) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonObject p = r.json();
        assertEquals(code, p.getString("code"), r.body());
        for (String part : detailParts) {
            assertTrue(p.getString("detail").contains(part), "'" + part + "' in " + p.getString("detail"));
        }
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void aPlainVlmRunScoresExactlyAsComputedByHand() throws Exception {
        String datasetId = importSet();
        assertEquals(2, concepts.count(acmeTenant), "bo and mug were registered");
        JsonObject run = awaitFinished(start(datasetId, ", \"label\": \"plain\""));

        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(12, run.getInt("done"));
        assertEquals(12, run.getInt("total"));
        JsonObject scores = run.getJsonObject("scores");
        assertEquals(12, scores.getInt("items"));
        assertEquals(1, scores.getInt("failed"));
        // Recognition, strict: yes 3/4 (one failed turn), no 2/4 ("Not at all" and a wrong "Yes").
        JsonObject strict = scores.getJsonObject("recognition").getJsonObject("strict");
        assertEquals(0.75, value(strict.getJsonObject("yesRecall")), 1e-9);
        assertEquals(0.5, value(strict.getJsonObject("noRecall")), 1e-9);
        assertEquals(0.625, strict.getJsonNumber("weighted").doubleValue(), 1e-9);
        // Lenient ("yes"/"no" anywhere): "Not at all" counts as no.
        JsonObject lenient = scores.getJsonObject("recognition").getJsonObject("lenient");
        assertEquals(0.75, value(lenient.getJsonObject("yesRecall")), 1e-9);
        assertEquals(0.75, value(lenient.getJsonObject("noRecall")), 1e-9);
        assertEquals(0.75, lenient.getJsonNumber("weighted").doubleValue(), 1e-9);
        // Visual multiple choice: "A" right; "It has stripes, so B" only lenient.
        JsonObject mc = scores.getJsonObject("multipleChoice");
        assertEquals(0.5, value(mc.getJsonObject("strict")), 1e-9);
        assertEquals(1.0, value(mc.getJsonObject("lenient")), 1e-9);
        // Text-only: "toy" only strict (no letter "a" in it); "A" for B wrong under both.
        JsonObject text = scores.getJsonObject("textOnly");
        assertEquals(0.5, value(text.getJsonObject("strict")), 1e-9);
        assertEquals(0.0, value(text.getJsonObject("lenient")), 1e-9);
        assertEquals(12, model.answerCalls.get(), "one large call per item in PLAIN_VLM");

        EvalHttp.Reply csv = acme.get("/runs/" + run.getString("id") + "/results.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals(13, csv.body().split("\r\n").length, "header + 12 items");
        EvalHttp.Reply json = acme.get("/runs/" + run.getString("id") + "/results.json");
        assertEquals(12, json.array().size());
        long failed = json.array().getValuesAs(JsonObject.class).stream().filter(o -> o.getBoolean("failed")).count();
        assertEquals(1, failed);
        EvalHttp.Reply table = acme.get("/comparison?runs=" + run.getString("id"));
        assertEquals(200, table.status(), table.body());
        var header = table.json().getJsonObject("table").getJsonArray("header");
        var row = table.json().getJsonObject("table").getJsonArray("rows").getJsonArray(0);
        assertEquals("plain", row.getString(0));
        assertEquals("0.625", row.getString(header.indexOf(jakarta.json.Json.createValue("Rec. weighted (strict)"))));
        assertEquals("0.750", row.getString(header.indexOf(
                jakarta.json.Json.createValue("Rec. weighted (lenient, reference code)"))));
        EvalHttp.Reply tableCsv = acme.get("/comparison.csv?runs=" + run.getString("id"));
        assertEquals(200, tableCsv.status(), tableCsv.body());
        assertTrue(tableCsv.body().split("\r\n")[1].startsWith("plain,12,1,"), tableCsv.body());
    }

    @Test
    void aSampledRunIsEstimatedFirstAndTheSameSeedScoresTheSameItemsWithIntervals() throws Exception {
        String datasetId = importSet();
        String body = "{\"datasetId\": \"" + datasetId + "\", \"mode\": \"PLAIN_VLM\", \"concurrency\": 3, "
                + "\"sample\": {\"perConcept\": 2, \"seed\": 7}";
        int runsBefore = acme.get("/runs").array().size();

        EvalHttp.Reply estimate = acme.post("/runs/estimate", body + "}");
        assertEquals(200, estimate.status(), estimate.body());
        // Per concept: 2 of its 4 recognition items (1 yes, 1 no: the dataset's mix), its MC and its text item.
        assertEquals(8, estimate.json().getInt("turns"), estimate.body());
        assertEquals(0, estimate.json().getInt("smallCalls"), "PLAIN_VLM asks no small model");
        assertEquals(8, estimate.json().getInt("largeCallsAtMost"));
        assertEquals(runsBefore, acme.get("/runs").array().size(), "an estimate starts nothing");

        JsonObject first = awaitFinished(acme.post("/runs", body + ", \"label\": \"s1\"}").json().getString("id"));
        JsonObject second = awaitFinished(acme.post("/runs", body + ", \"label\": \"s2\"}").json().getString("id"));
        assertEquals("SUCCEEDED", first.getString("status"), first.toString());
        assertEquals(8, first.getInt("total"));
        assertEquals(2, first.getJsonObject("sample").getInt("perConcept"));
        assertEquals(7, first.getJsonObject("sample").getInt("seed"));
        assertEquals(itemKeys(first), itemKeys(second), "the same seed scores the same items");
        JsonObject strict = first.getJsonObject("scores").getJsonObject("recognition").getJsonObject("strict");
        assertEquals(2, strict.getJsonObject("yesRecall").getInt("total"));
        assertEquals(2, strict.getJsonObject("noRecall").getInt("total"));
        var ci = strict.getJsonArray("weightedCi95");
        assertTrue(ci.getJsonNumber(0).doubleValue() < ci.getJsonNumber(1).doubleValue(), ci.toString());

        assertProblem(acme.post("/runs", "{\"datasetId\": \"" + datasetId + "\", \"sample\": {\"perConcept\": 0}}"),
                400, "bad-sample");
    }

    private Set<String> itemKeys(JsonObject run) {
        return acme.get("/runs/" + run.getString("id") + "/results.json").array().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("key")).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aFullRunRoutesWithThePinnedVersionAndCountsReflectionFlips() throws Exception {
        FakeOpenAiServer small = FakeOpenAiServer.start("qwen2.5-vl-3b").respondWith(model::detect);
        try {
            backends.reconfigure(PipelineFixture.settings(small.baseUrl(), large.baseUrl(), 5000));
            String datasetId = importSet();
            // A version of this tenant that is NOT active: the run must route with it all the same.
            DictionaryVersion version = new DictionaryVersion(acmeTenant, "eval-routing", BaselineEmbedder.ID,
                    BaselineEmbedder.DIMENSION);
            BaselineEmbedder embedder = new BaselineEmbedder();
            version.addMetaConcept(0, "<toys>", "lora-toys-v", 1, embedder.embed(
                    ai.seed.inference.model.Images.decode(new ai.seed.inference.model.ImageData(ItImages.toyPng(100), "image/png"))));
            version.addMetaConcept(1, "<mugs>", "lora-mugs-v", 1, embedder.embed(
                    ai.seed.inference.model.Images.decode(new ai.seed.inference.model.ImageData(ItImages.mugPng(100), "image/png"))));
            version.markReady();
            long versionId = dictionaries.save(version).id();

            JsonObject run = awaitFinished(acme.post("/runs", "{\"datasetId\": \"" + datasetId + "\", \"mode\": \"FULL\", "
                    + "\"topK\": 1, \"dictionaryVersionId\": " + versionId + ", \"leakageGuard\": false}").json()
                    .getString("id"));

            assertEquals("SUCCEEDED", run.getString("status"), run.toString());
            var detections = small.received().stream().filter(c -> c.path().endsWith("/chat/completions")).toList();
            assertEquals(10, detections.size(), "one detection per image item (8 recognition + 2 multiple choice)");
            for (var call : detections) {
                String expected = call.text("user").contains("<mug>") ? "lora-mugs-v" : "lora-toys-v";
                assertEquals(expected, call.json().getString("model"), "adapter of the pinned version");
            }
            JsonObject scores = run.getJsonObject("scores");
            JsonObject reflection = scores.getJsonObject("reflection");
            // 7 recognition turns succeeded; <bo> on toy B wrongly rejected, <mug> on toy A rightly rejected.
            assertEquals(7, reflection.getInt("judged"), reflection.toString());
            assertEquals(2, reflection.getInt("flips"));
            assertEquals(1, reflection.getInt("rightFlips"));
            assertEquals(1, reflection.getInt("wrongFlips"));
            assertEquals(6, reflection.getJsonObject("detectorBefore").getInt("correct"));
            assertEquals(6, reflection.getJsonObject("detectorAfter").getInt("correct"));
            // The answers are the same script as the plain run: same recognition scores.
            assertEquals(0.625, scores.getJsonObject("recognition").getJsonObject("strict").getJsonNumber("weighted")
                    .doubleValue(), 1e-9);
        } finally {
            small.close();
        }
    }

    @Test
    void aRunKeepsAtMostItsConcurrencyOfTurnsInFlight() throws Exception {
        String datasetId = importSet();
        model.delayMs = 150;
        JsonObject run = awaitFinished(start(datasetId, ", \"concurrency\": 3"));

        assertEquals("SUCCEEDED", run.getString("status"));
        assertTrue(model.maxInFlight.get() <= 3, "at most 3 turns in flight, saw " + model.maxInFlight.get());
        assertTrue(model.maxInFlight.get() >= 2, "items run in parallel, saw " + model.maxInFlight.get());
    }

    @Test
    void aPlatformAdminImportsAServerFolderForATenantAndATenantAdminMayNot() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("eval-folder");
        for (Map.Entry<String, byte[]> f : EvalSets.files().entrySet()) {
            java.nio.file.Path file = root.resolve(f.getKey());
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, f.getValue());
        }
        Caller platform = Caller.of("root", null, Role.PLATFORM_ADMIN);
        var view = imports.importServerFolder(platform, acmeTenant, "from disk", "yollava", root.toString());
        assertEquals(12, view.itemCount());
        assertEquals(200, acme.get("/datasets/" + view.id()).status(), "the tenant owns it");

        Caller tenantAdmin = Caller.of("admin-a", acmeTenant, Role.TENANT_ADMIN);
        assertEquals(ServiceException.Kind.FORBIDDEN, org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
                () -> imports.importServerFolder(tenantAdmin, acmeTenant, "x", "yollava", root.toString())).kind());
        assertEquals("bad-dataset", org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
                () -> imports.importServerFolder(platform, acmeTenant, "x", "yollava", root + "/nothing")).code());
    }

    @Test
    void aRunInterruptedByARestartContinuesWithTheMissingItemsOnly() throws Exception {
        UUID datasetId = UUID.fromString(importSet());
        EvaluationRun run;
        List<StoredItem> items = repository.items(acmeTenant, datasetId);
        // The node that answered the first 5 items holds the run's lock until it "stops", so the
        // periodic takeover cannot start the run half set up.
        try (Connection stoppedNode = dataSource.getConnection()) {
            run = halfDoneRunDrivenBy(stoppedNode, datasetId, "resumed", 5);
            RunLocks.unlock(stoppedNode, run.id());
        }
        int callsBefore = model.answerCalls.get();

        recovery.resumeUnfinished(); // what the server does at start-up
        JsonObject done = awaitFinished(run.id().toString());

        assertEquals("SUCCEEDED", done.getString("status"), done.toString());
        assertEquals(12, done.getInt("done"));
        assertEquals(7, model.answerCalls.get() - callsBefore, "only the 7 items without a result were asked");
        assertEachItemExactlyOnce(run.id(), items);
    }

    @Test
    void aRunAnotherNodeDrivesIsLeftAloneUntilThatNodeIsGoneThenTakenOver() throws Exception {
        UUID datasetId = UUID.fromString(importSet());
        List<StoredItem> items = repository.items(acmeTenant, datasetId);
        int callsBefore = model.answerCalls.get();
        EvaluationRun run;
        try (Connection otherNode = dataSource.getConnection()) {
            run = halfDoneRunDrivenBy(otherNode, datasetId, "taken over", 4);
            recovery.resumeUnfinished(); // this node's scan, as at start-up
            Thread.sleep(3_000); // three takeover periods (seed.evaluation.takeover-period-seconds=1)

            JsonObject meanwhile = acme.get("/runs/" + run.id()).json();
            assertEquals("RUNNING", meanwhile.getString("status"), meanwhile.toString());
            assertEquals(callsBefore, model.answerCalls.get(), "this node asked no model for a run another drives");
            assertEquals(4, repository.results(acmeTenant, run.id()).size());
            RunLocks.unlock(otherNode, run.id()); // the other node is gone: PostgreSQL released its lock
        }
        long released = System.nanoTime();
        JsonObject done = awaitFinished(run.id().toString());
        long seconds = (System.nanoTime() - released) / 1_000_000_000L;

        assertEquals("SUCCEEDED", done.getString("status"), done.toString());
        assertTrue(seconds < 20, "taken over by the periodic scan, not at a restart: " + seconds + " s");
        assertEquals(8, model.answerCalls.get() - callsBefore, "only the 8 items without a result were asked");
        assertEachItemExactlyOnce(run.id(), items);
    }

    @Test
    void cancellingARunAnotherNodeDrivesLeavesTheStopToThatNode() throws Exception {
        UUID datasetId = UUID.fromString(importSet());
        int callsBefore = model.answerCalls.get();
        EvaluationRun run;
        try (Connection otherNode = dataSource.getConnection()) {
            run = halfDoneRunDrivenBy(otherNode, datasetId, "cancelled elsewhere", 3);
            EvalHttp.Reply cancel = acme.post("/runs/" + run.id() + "/cancel", "");
            assertEquals(200, cancel.status(), cancel.body());
            assertEquals("RUNNING", cancel.json().getString("status"), "its driver stops it, not this node");
            RunLocks.unlock(otherNode, run.id());
        }
        // Whoever drives it next (here: the takeover) sees the flag and ends it without model calls.
        JsonObject done = awaitFinished(run.id().toString());
        assertEquals("CANCELLED", done.getString("status"), done.toString());
        assertEquals(callsBefore, model.answerCalls.get());
        assertEquals(3, repository.results(acmeTenant, run.id()).size(), "partial results kept");
    }

    /** A RUNNING run with its first {@code answered} items stored, its lock held by {@code node}. */
    private EvaluationRun halfDoneRunDrivenBy(Connection node, UUID datasetId, String label, int answered)
            throws Exception {
        EvaluationRun fresh = new EvaluationRun(acmeTenant, datasetId,
                new EvaluationRun.Settings(label, "PLAIN_VLM", 1, null, false, 2), "it");
        assertTrue(RunLocks.tryLock(node, fresh.id()), "the other node takes the run's lock");
        EvaluationRun run = repository.createRun(fresh);
        repository.updateRun(acmeTenant, run.id(), r -> r.start(12, 0));
        for (StoredItem item : repository.items(acmeTenant, datasetId).subList(0, answered)) {
            repository.saveResult(acmeTenant, run.id(), new StoredResult(item.key(), "Yes", false, null, null, null));
        }
        return run;
    }

    private void assertEachItemExactlyOnce(UUID runId, List<StoredItem> items) {
        List<StoredResult> results = repository.results(acmeTenant, runId);
        assertEquals(12, results.size());
        Set<String> keys = new HashSet<>();
        results.forEach(r -> assertTrue(keys.add(r.itemKey()), "each item exactly once: " + r.itemKey()));
        items.forEach(i -> assertTrue(keys.contains(i.key()), i.key()));
    }

    @Test
    void aCancelledRunStopsAndKeepsItsPartialResults() throws Exception {
        String datasetId = importSet();
        model.delayMs = 400;
        String runId = start(datasetId, ", \"concurrency\": 1");
        assertProblem(acme.delete("/datasets/" + datasetId), 409, "dataset-in-use");
        EvalHttp.Reply cancel = acme.post("/runs/" + runId + "/cancel", "");
        assertEquals(200, cancel.status(), cancel.body());
        JsonObject run = awaitFinished(runId);

        assertEquals("CANCELLED", run.getString("status"));
        assertTrue(run.getInt("done") < 12, "stopped early: " + run.getInt("done"));
        assertEquals(run.getInt("done"), repository.results(acmeTenant, UUID.fromString(runId)).size());

        // Deleting the set deletes its runs and results with it.
        assertEquals(204, acme.delete("/datasets/" + datasetId).status());
        assertProblem(acme.get("/runs/" + runId), 404, "not-found");
        assertEquals(0, repository.results(acmeTenant, UUID.fromString(runId)).size());
        assertEquals(2, concepts.count(acmeTenant), "registered concepts stay");
    }

    @Test
    void theLeakageGuardLeavesOutItemsAboutMetaConceptRepresentatives() throws Exception {
        String datasetId = importSet();
        DictionaryVersion version = new DictionaryVersion(acmeTenant, "leakage-it", BaselineEmbedder.ID,
                BaselineEmbedder.DIMENSION);
        version.addMetaConcept(0, "<bo>", "lora-toys", 1,
                new BaselineEmbedder().embed(ai.seed.inference.model.Images.decode(
                        new ai.seed.inference.model.ImageData(ItImages.toyPng(100), "image/png"))));
        version.markReady();
        long versionId = dictionaries.save(version).id();

        JsonObject run = awaitFinished(start(datasetId, ", \"dictionaryVersionId\": " + versionId
                + ", \"leakageGuard\": true"));

        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        // Left: <mug> recognition on the mug images, <mug>'s multiple-choice and text question.
        assertEquals(4, run.getInt("total"));
        assertEquals(8, run.getInt("excluded"));
        assertEquals(4, run.getJsonObject("scores").getInt("items"));
        assertEquals(versionId, run.getJsonNumber("dictionaryVersionId").longValue());
    }

    @Test
    void anotherTenantsDatasetsAndRunsAreNotFound() throws Exception {
        String datasetId = importSet();
        String runId = start(datasetId, "");
        awaitFinished(runId);

        assertProblem(globex.get("/datasets/" + datasetId), 404, "not-found");
        assertProblem(globex.delete("/datasets/" + datasetId), 404, "not-found");
        assertProblem(globex.get("/runs/" + runId), 404, "not-found");
        assertProblem(globex.post("/runs/" + runId + "/cancel", ""), 404, "not-found");
        assertProblem(globex.get("/runs/" + runId + "/results.csv"), 404, "not-found");
        assertProblem(globex.get("/comparison?runs=" + runId), 404, "not-found");
        assertProblem(globex.post("/runs", "{\"datasetId\": \"" + datasetId + "\"}"), 404, "not-found");
        assertEquals(0, globex.get("/datasets").array().size());
        assertEquals(0, globex.get("/runs").array().size());
        assertEquals(200, acme.get("/datasets/" + datasetId).status(), "still there for its owner");
    }

    @Test
    void rowLevelSecurityHidesAnotherTenantsEvaluationRowsFromRawSql() throws Exception {
        String datasetId = importSet();
        String runId = start(datasetId, "");
        awaitFinished(runId);
        String[] tables = {"eval_dataset WHERE id = '" + datasetId + "'",
            "eval_item WHERE dataset_id = '" + datasetId + "'", "eval_image WHERE dataset_id = '" + datasetId + "'",
            "eval_run WHERE id = '" + runId + "'", "eval_result WHERE run_id = '" + runId + "'"};
        tx.begin();
        try {
            ai.seed.domain.tenancy.TenantGuard.actAs(em, globexTenant);
            for (String t : tables) {
                assertEquals(0, count("SELECT count(*) FROM " + t), t);
            }
            assertEquals(0, em.createNativeQuery("DELETE FROM eval_run WHERE id = '" + runId + "'").executeUpdate());
            ai.seed.domain.tenancy.TenantGuard.actAs(em, acmeTenant);
            for (String t : tables) {
                assertTrue(count("SELECT count(*) FROM " + t) > 0, t);
            }
        } finally {
            tx.rollback();
        }
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void malformedUploadsAreRefusedWithEntryAndReasonAndNothingIsStored() {
        Map<String, byte[]> unknownConcept = EvalSets.files();
        unknownConcept.put("yollava-visual-qa.json", "{\"cat\": {\"test/bo/0.png\": {\"question\": \"q\", \"options\": {\"A\": \"x\"}, \"correct_answer\": \"A\"}}}".getBytes());
        assertProblem(acme.upload("yollava", "bad", EvalSets.zip(unknownConcept)), 400, "malformed-dataset",
                "yollava-visual-qa.json", "cat");

        Map<String, byte[]> brokenImage = EvalSets.files();
        brokenImage.put("test/mug/1.png", "not a png at all".getBytes());
        assertProblem(acme.upload("yollava", "bad", EvalSets.zip(brokenImage)), 400, "malformed-dataset",
                "test/mug/1.png");

        Map<String, byte[]> slip = EvalSets.files();
        slip.put("../../evil.txt", "x".getBytes());
        assertProblem(acme.upload("yollava", "bad", EvalSets.zip(slip)), 400, "zip-slip", "evil.txt");

        assertProblem(acme.upload("yollava", "bad", "this is not a zip".getBytes()), 400, "bad-zip");
        assertProblem(acme.upload("excel", "bad", EvalSets.zip()), 400, "bad-format");
        assertProblem(acme.postZip("/datasets?format=yollava", new byte[0]), 400, "bad-zip");
        assertProblem(acme.post("/runs", "{\"datasetId\": \"" + UUID.randomUUID() + "\", \"mode\": \"TURBO\"}"),
                404, "not-found");

        assertEquals(0, acme.get("/datasets").array().size(), "nothing stored");
        assertEquals(0, concepts.count(acmeTenant), "no concept registered");
    }
}
