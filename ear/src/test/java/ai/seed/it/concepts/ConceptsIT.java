package ai.seed.it.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.concept.ConceptMatch;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.tenant.Tenant;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.Role;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concept registration on the real database: all-or-nothing with the identity from a fake large
 * VLM, idempotency, every kind of bad input refused with a reason and nothing stored, roles, and
 * another tenant's ids refused at the service and repository layer.
 */
@ExtendWith(ArquillianExtension.class)
class ConceptsIT {

    static final String IDENTITY = """
            {"<bo>": {"category": "a red and yellow checkered toy", "attributes": "always on the shelf"}}""";

    @Deployment
    static EnterpriseArchive deployment() {
        return ai.seed.it.pipeline.PipelineFixture.deployment("concepts-it.war");
    }

    @Inject
    ConceptService concepts;
    @Inject
    ConceptRepository repository;
    @Inject
    TenantRepository tenants;
    @Inject
    ModelBackends backends;
    @Inject
    AuditLog audit;

    FakeOpenAiServer large;
    Caller adminA;
    Caller adminB;

    @BeforeEach
    void setUp() throws Exception {
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(ai.seed.it.pipeline.PipelineFixture.settings("", large.baseUrl(), 5000));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Tenant a = tenants.create(new Tenant("acme-" + run, "Acme " + run));
        Tenant b = tenants.create(new Tenant("globex-" + run, "Globex " + run));
        adminA = Caller.of("alice@acme", a.id(), Role.TENANT_ADMIN);
        adminB = Caller.of("bob@globex", b.id(), Role.TENANT_ADMIN);
    }

    @AfterEach
    void tearDown() {
        large.close();
        backends.reconfigure(backends.configured());
    }

    private static RegisterConcept bo(String key) {
        return new RegisterConcept("<bo>", "<bo> is my red and yellow toy; it is always on the shelf.",
                List.of(new UploadedImage(ItImages.toyPng(120), "bo-1.png"), new UploadedImage(ItImages.toyPng(90), "bo-2.png")),
                key);
    }

    @Test
    void registersAConceptWithItsIdentityEmbeddingAndImagesInOneGo() {
        large.reply(FakeOpenAiServer.ok(IDENTITY));

        ConceptView view = concepts.register(adminA, bo(null));

        assertEquals("<bo>", view.name());
        assertEquals("a red and yellow checkered toy", view.category());
        assertEquals("always on the shelf", view.attributes());
        assertEquals(BaselineEmbedder.ID, view.embedderId());
        assertEquals(BaselineEmbedder.DIMENSION, view.embeddingDimension());
        assertEquals(2, view.images().size());
        assertEquals(120, view.images().get(0).width());
        assertEquals("alice@acme", view.createdBy());
        // One Table 7 call with the concept list.
        assertEquals(1, large.received().size());
        assertTrue(large.received().get(0).text("user").contains("<bo>: <bo> is my red and yellow toy"));
        assertEquals("concept.create", audit.recent(adminA.tenantId(), 1).get(0).action());
        assertEquals(1, repository.count(adminA.tenantId()));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyCreatesNoDuplicate() {
        large.reply(FakeOpenAiServer.ok(IDENTITY));
        ConceptView first = concepts.register(adminA, bo("key-1"));
        ConceptView again = concepts.register(adminA, bo("key-1"));

        assertEquals(first.id(), again.id());
        assertEquals(1, large.received().size(), "the repeat did no model work");
        ServiceException reused = assertThrows(ServiceException.class, () -> concepts.register(adminA,
                new RegisterConcept("<other>", "<other> is different.",
                        List.of(new UploadedImage(ItImages.toyPng(100), "x.png")), "key-1")));
        assertEquals("idempotency-key-reused", reused.code());
        assertEquals(1, repository.count(adminA.tenantId()));
    }

    @Test
    void aSecondConceptWithTheSameNameConflicts() {
        large.reply(FakeOpenAiServer.ok(IDENTITY), FakeOpenAiServer.ok(IDENTITY));
        concepts.register(adminA, bo(null));
        ServiceException e = assertThrows(ServiceException.class, () -> concepts.register(adminA, bo(null)));
        assertEquals(ServiceException.Kind.CONFLICT, e.kind());
        assertEquals("concept-exists", e.code());
        // Another tenant may use the same name.
        assertEquals("<bo>", concepts.register(adminB, bo(null)).name());
    }

    @Test
    void everyKindOfBadInputIsRefusedWithAReasonAndNothingIsStored() {
        byte[] png = ItImages.toyPng(100);
        List<UploadedImage> one = List.of(new UploadedImage(png, "ok.png"));
        assertInvalid("invalid-identifier", new RegisterConcept("<Bo Bo>", "d", one, null));
        assertInvalid("invalid-identifier", new RegisterConcept("<bo>'; DROP TABLE concept;--", "d", one, null));
        assertInvalid("missing-description", new RegisterConcept("<bo>", "  ", one, null));
        assertInvalid("description-too-long", new RegisterConcept("<bo>", "x".repeat(2001), one, null));
        assertInvalid("missing-images", new RegisterConcept("<bo>", "d", List.of(), null));
        assertInvalid("too-many-images", new RegisterConcept("<bo>", "d", Collections.nCopies(11, one.get(0)), null));
        assertInvalid("image-corrupt", new RegisterConcept("<bo>", "d",
                List.of(new UploadedImage(Arrays.copyOf(png, png.length / 2), "half.png")), null));
        assertInvalid("image-unsupported-type", new RegisterConcept("<bo>", "d",
                List.of(new UploadedImage("GIF89a....".getBytes(), "anim.png")), null));
        assertInvalid("image-empty", new RegisterConcept("<bo>", "d", List.of(new UploadedImage(new byte[0], "e.png")), null));
        assertInvalid("image-too-large", new RegisterConcept("<bo>", "d",
                List.of(new UploadedImage(new byte[11 * 1024 * 1024], "huge.png")), null));
        assertEquals(0, repository.count(adminA.tenantId()));
        assertEquals(0, large.received().size(), "no model was asked about bad input");
    }

    private void assertInvalid(String code, RegisterConcept cmd) {
        ServiceException e = assertThrows(ServiceException.class, () -> concepts.register(adminA, cmd));
        assertEquals(ServiceException.Kind.INVALID, e.kind(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aFailingLargeModelStoresNothingAndSaysWhy() {
        large.reply(FakeOpenAiServer.error(500, "boom"), FakeOpenAiServer.error(500, "boom"));
        ServiceException e = assertThrows(ServiceException.class, () -> concepts.register(adminA, bo(null)));
        assertEquals(ServiceException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
        assertEquals(0, repository.count(adminA.tenantId()));
    }

    @Test
    void staffMayReadButNotRegister() {
        Caller staff = Caller.of("sam@acme", adminA.tenantId(), Role.STAFF);
        ServiceException e = assertThrows(ServiceException.class, () -> concepts.register(staff, bo(null)));
        assertEquals(ServiceException.Kind.FORBIDDEN, e.kind());
        assertEquals(0, concepts.list(staff, null, 0, 20).total());
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndNothingChanges() {
        large.reply(FakeOpenAiServer.ok(IDENTITY));
        ConceptView mine = concepts.register(adminA, bo(null));

        for (ServiceException e : List.of(
                assertThrows(ServiceException.class, () -> concepts.get(adminB, mine.id())),
                assertThrows(ServiceException.class, () -> concepts.describe(adminB, mine.id(), "stolen")),
                assertThrows(ServiceException.class, () -> concepts.delete(adminB, mine.id())))) {
            assertEquals(ServiceException.Kind.NOT_FOUND, e.kind());
        }
        assertTrue(repository.find(adminB.tenantId(), mine.id()).isEmpty());
        assertEquals(0, concepts.list(adminB, null, 0, 20).total());
        assertEquals("<bo> is my red and yellow toy; it is always on the shelf.", concepts.get(adminA, mine.id()).description());
    }

    @Test
    void candidateRetrievalFindsTheTenantsOwnNearestConcepts() {
        large.reply(FakeOpenAiServer.ok(IDENTITY), FakeOpenAiServer.ok(IDENTITY),
                FakeOpenAiServer.ok("{\"<mug>\": {\"category\": \"a mug\", \"attributes\": \"\"}}"));
        concepts.register(adminA, bo(null));
        concepts.register(adminB, bo(null));
        concepts.register(adminA, new RegisterConcept("<mug>", "<mug> is a blue striped mug.",
                List.of(new UploadedImage(ItImages.mugPng(100), "mug.png")), null));

        List<ConceptMatch> matches = repository.nearestByImage(adminA.tenantId(),
                new BaselineEmbedder().embed(ItImages.toy(110)), 5);

        assertEquals(List.of("<bo>", "<mug>"), matches.stream().map(ConceptMatch::name).toList());
        assertTrue(matches.get(0).cosine() > matches.get(1).cosine());
    }
}
