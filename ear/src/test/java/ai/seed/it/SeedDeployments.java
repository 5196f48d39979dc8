package ai.seed.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR as the build produced it: integration tests deploy exactly what users run. */
public final class SeedDeployments {

    private SeedDeployments() {
    }

    public static EnterpriseArchive realEar() {
        String path = System.getProperty("seed.ear", "target/seed.ear");
        File ear = new File(path);
        if (!ear.isFile()) {
            throw new IllegalStateException("EAR not built: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
