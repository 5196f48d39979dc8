package ai.seed.it.browser;

import ai.seed.it.ItShared;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.PipelineFixture;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for browser tests that prepare data in the container: the real EAR plus a test WAR
 * with the test class, the fake model servers and the fixtures, but no Playwright code (page
 * objects stay on the client).
 */
final class BrowserDeployments {

    private BrowserDeployments() {
    }

    static EnterpriseArchive withFakes(String warName, Class<?> testClass) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, warName)
                .addClasses(testClass, ItShared.class, ai.seed.it.adapters.ItAdapters.class)
                .addPackage(FakeOpenAiServer.class.getPackage())
                .addPackage(PipelineFixture.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // The fake servers use the JDK's HTTP server, which WildFly hides unless asked for.
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        EnterpriseArchive ear = ai.seed.it.SeedDeployments.realEar();
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }
}
