package ai.seed.it.openai;

import ai.seed.it.SeedDeployments;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.openai.server.OpenAiItFixture;
import ai.seed.it.pipeline.ItImages;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR plus {@value #WAR}: the fixture servlet and the fake model server, nothing of the
 * client side (the OpenAI SDK stays out of the server).
 */
final class OpenAiItDeployment {

    static final String WAR = "openai-it.war";

    private OpenAiItDeployment() {
    }

    static EnterpriseArchive ear() {
        WebArchive fixture = ShrinkWrap.create(WebArchive.class, WAR)
                .addPackage(OpenAiItFixture.class.getPackage())
                .addPackage(FakeOpenAiServer.class.getPackage())
                .addClasses(ItImages.class)
                .addClass("ai.seed.it.pipeline.Scenes")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // The fake server uses the JDK's HTTP server, which WildFly hides unless asked for.
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        EnterpriseArchive ear = SeedDeployments.realEar();
        ear.addAsModule(fixture);
        return ear;
    }
}
