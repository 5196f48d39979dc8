package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import ai.seed.it.adapters.ItAdapters;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.fakes.FakeVllmServer;
import ai.seed.it.pipeline.PipelineFixture;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant admin uploads a meta-concept's adapter in the console and sees the small-VLM server
 * (a fake vLLM with its LoRA endpoints) serve it; a broken file is refused in the dialog with its reason.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdaptersBrowserIT {

    /** Kept between the in-container steps (same deployment, same class loader). */
    static FakeVllmServer vllm;
    static FakeOpenAiServer large;

    @Inject
    TenancyService tenancy;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    ModelBackends backends;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("adapters-browser-it.war", AdaptersBrowserIT.class);
    }

    @Test
    @Order(1)
    void setUpTenantVersionAndFakeVllm() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("adapters-browser-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "adapters-" + run, "Adapters IT " + run);
        String username = "adapters-admin-" + run;
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), username, "Adapters Admin", Role.TENANT_ADMIN, password);
        PipelineFixture fx = new PipelineFixture();
        DictionaryVersion v = new DictionaryVersion(tenant.id(), "adapters-browser-" + run, BaselineEmbedder.ID,
                BaselineEmbedder.DIMENSION);
        v.addMetaConcept(0, "<toy-meta>", "meta-0", 3, fx.toyEmbedding());
        v.addMetaConcept(1, "<mug-meta>", "meta-1", 3, fx.mugEmbedding());
        v.markReady();
        dictionaries.save(v);
        vllm = FakeVllmServer.start("qwen2.5-vl-3b");
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(PipelineFixture.settings(vllm.baseUrl(), large.baseUrl(), 5000));
        ItShared.put("adapters-it.username", username);
        ItShared.put("adapters-it.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void uploadsAnAdapterAndSeesItServed() throws Exception {
        Path good = Files.createTempFile("adapter", ".zip");
        Files.write(good, ItAdapters.zip(ItAdapters.config(ItAdapters.BASE, 2, 4), ItAdapters.weights(2, 11)));
        Path wrongBase = Files.createTempFile("adapter-wrong-base", ".zip");
        Files.write(wrongBase, ItAdapters.zip(ItAdapters.config("meta-llama/Llama-3.2-1B", 2, 4),
                ItAdapters.weights(2, 12)));
        ConsoleBrowser browser = ConsoleBrowser.open("AdaptersBrowserIT-upload");
        try {
            browser.signIn(ItShared.get("adapters-it.username"), ItShared.get("adapters-it.password"));
            MetaConceptsPage dictionary = browser.metaConcepts();

            dictionary.uploadAdapter(1, wrongBase);
            assertThat(dictionary.uploadStatus()).containsText("trained for \"meta-llama/Llama-3.2-1B\"");
            browser.screenshot("-refused");
            dictionary.closeUploadDialog();

            dictionary.uploadAdapter(0, good);
            assertThat(dictionary.notifications().last()).containsText("Stored adapter seed-");
            dictionary.checkServing();
            assertThat(dictionary.adapterState(0)).hasAttribute("data-state", "SERVED",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            assertThat(dictionary.adapterState(1)).containsText("MISSING");
            assertTrue(dictionary.adapterArtifact(0).textContent().contains("rank 2"));
            browser.screenshot("-served");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(3)
    void theFakeVllmLoadedTheUploadedAdapter() {
        assertTrue(vllm.loaded().keySet().stream().anyMatch(n -> n.startsWith("seed-")), vllm.loaded().toString());
    }

    @Test
    @Order(10)
    void tearDownFakes() {
        if (vllm != null) {
            vllm.close();
        }
        if (large != null) {
            large.close();
        }
        backends.reconfigure(backends.configured());
    }
}
