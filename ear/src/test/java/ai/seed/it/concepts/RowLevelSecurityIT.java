package ai.seed.it.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptName;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.concept.ReferenceImageData;
import ai.seed.domain.tenancy.TenantGuard;
import ai.seed.domain.tenant.Tenant;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.it.pipeline.ItImages;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second isolation layer on its own: with the repository's tenant filter bypassed (raw SQL
 * with no WHERE clause), PostgreSQL's row-level security still shows and accepts only the rows of
 * the tenant the transaction acts for.
 */
@ExtendWith(ArquillianExtension.class)
class RowLevelSecurityIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ai.seed.it.pipeline.PipelineFixture.deployment("rls-it.war");
    }

    @PersistenceContext(unitName = "seed")
    EntityManager em;
    @Resource
    UserTransaction tx;
    @Inject
    TenantRepository tenants;
    @Inject
    ConceptRepository concepts;

    UUID a;
    UUID b;
    UUID conceptOfA;

    @BeforeEach
    void twoTenantsAndAConcept() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = tenants.create(new Tenant("rls-a-" + run, "A")).id();
        b = tenants.create(new Tenant("rls-b-" + run, "B")).id();
        BaselineEmbedder embedder = new BaselineEmbedder();
        byte[] png = ItImages.toyPng(64);
        Concept c = new Concept(a, new ConceptName("<secret>"), "<secret> belongs to A.", List.of(new ReferenceImageData(
                "image/png", "00", 64, 64, png, png, embedder.embed(ItImages.toy(64)))), "it");
        conceptOfA = concepts.add(c).id();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void rawSelectsSeeOnlyTheCurrentTenantsRows() throws Exception {
        tx.begin();
        try {
            TenantGuard.actAs(em, b);
            assertEquals(0, count("SELECT count(*) FROM concept WHERE name = '<secret>' AND tenant_id = '" + a + "'"));
            assertEquals(0, count("SELECT count(*) FROM reference_image WHERE concept_id = '" + conceptOfA + "'"));
            assertEquals(1, count("SELECT count(*) FROM tenant"), "B sees only itself");
            TenantGuard.actAs(em, a);
            assertEquals(1, count("SELECT count(*) FROM concept WHERE id = '" + conceptOfA + "'"));
        } finally {
            tx.rollback();
        }
    }

    @Test
    void withNoTenantSetNothingIsVisible() throws Exception {
        tx.begin();
        try {
            assertEquals(0, count("SELECT count(*) FROM concept"));
            assertEquals(0, count("SELECT count(*) FROM app_user"));
        } finally {
            tx.rollback();
        }
    }

    @Test
    void rawWritesIntoAnotherTenantAreRejectedByThePolicy() throws Exception {
        tx.begin();
        try {
            TenantGuard.actAs(em, b);
            Exception e = assertThrows(Exception.class, () -> em.createNativeQuery(
                    "INSERT INTO scenario (id, tenant_id, name) VALUES (gen_random_uuid(), '" + a + "', 'planted')")
                    .executeUpdate());
            assertTrue(String.valueOf(rootMessage(e)).contains("row-level security"), rootMessage(e));
        } finally {
            tx.rollback();
        }
        tx.begin();
        try {
            TenantGuard.actAs(em, b);
            int changed = em.createNativeQuery("UPDATE concept SET description = 'stolen' WHERE id = '" + conceptOfA + "'")
                    .executeUpdate();
            assertEquals(0, changed, "the row is invisible, so nothing is updated");
            int deleted = em.createNativeQuery("DELETE FROM concept WHERE tenant_id = '" + a + "'").executeUpdate();
            assertEquals(0, deleted);
        } finally {
            tx.commit();
        }
        assertEquals("<secret> belongs to A.", concepts.find(a, conceptOfA).orElseThrow().description());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
