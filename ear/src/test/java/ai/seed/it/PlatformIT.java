package ai.seed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConceptMatch;
import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.embedding.IncompatibleEmbeddingException;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform on managed WildFly with the real EAR and a real PostgreSQL + pgvector: the
 * schema is migrated at start, readiness reports it, and the dictionary's cosine lookup works.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static EnterpriseArchive deployment() {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "platform-it.war")
                .addClass(PlatformIT.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = SeedDeployments.realEar();
        ear.addAsModule(Testable.archiveToTest(tests));
        return ear;
    }

    @Inject
    DictionaryRepository dictionaries;

    /** Runs inside the server: its own port offset says where management listens. */
    private static int managementPort() {
        return 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    @Test
    void readinessIsUpOnceMigrationsAreApplied() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"database-schema\""), response.body());
        assertTrue(response.body().contains("\"pending\":0"), response.body());
    }

    @Test
    void findsTheNearestMetaConceptByCosineDistance() {
        String embedder = "it-embedder-" + UUID.randomUUID();
        DictionaryVersion version = new DictionaryVersion(null, "platform-it", embedder, 3);
        version.addMetaConcept(0, "<dog>", "lora-dog", 12, Embedding.normalized(embedder, new float[] {1, 0, 0}));
        version.addMetaConcept(1, "<mug>", "lora-mug", 7, Embedding.normalized(embedder, new float[] {0, 1, 0}));
        version.addMetaConcept(2, "<person>", "lora-person", 30, Embedding.normalized(embedder, new float[] {0, 0, 1}));
        long id = dictionaries.save(version).id();

        // A scenario that is mostly "mug", a little "dog".
        Embedding scenario = Embedding.normalized(embedder, new float[] {0.3f, 0.9f, 0.1f});
        List<MetaConceptMatch> top = dictionaries.nearest(UUID.randomUUID(), id, scenario, 2);

        assertEquals(List.of("lora-mug", "lora-dog"), top.stream().map(MetaConceptMatch::adapterRef).toList());
        double expected = scenario.cosine(Embedding.normalized(embedder, new float[] {0, 1, 0}));
        assertEquals(expected, top.get(0).cosine(), 1e-5);
        assertTrue(top.get(0).cosine() > top.get(1).cosine());
    }

    @Test
    void refusesToCompareVectorsOfAnotherEmbedder() {
        String embedder = "it-embedder-" + UUID.randomUUID();
        DictionaryVersion version = new DictionaryVersion(null, "platform-it", embedder, 2);
        version.addMetaConcept(0, "<a>", "lora-a", 1, Embedding.normalized(embedder, new float[] {1, 0}));
        long id = dictionaries.save(version).id();

        Embedding other = Embedding.normalized("another-embedder", new float[] {1, 0});
        assertThrows(IncompatibleEmbeddingException.class, () -> dictionaries.nearest(UUID.randomUUID(), id, other, 1));
    }
}
