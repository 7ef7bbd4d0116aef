package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * A bundle copied into deploy/ of the running host turns ACTIVE and serves without a restart; deleting it
 * takes it away. The bundle is receivables.ui, left out of this host's start-up for the purpose.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends InReferenceHost {

    private static final String UI = "receivables.ui";

    public HotDeployIT() {
        super("hot-deploy");
    }

    @Override
    @Configuration
    public Option[] configuration() {
        return host().options(file -> file.startsWith(UI + "-"), Map.of());
    }

    @Test
    public void aBundleDroppedIntoDeployBecomesActiveAndLeavesWhenDeleted() throws Exception {
        assertEquals(Optional.empty(), bundle(UI));
        assertEquals(404, http.get("/receivables/index.html").status());

        Path deploy = Path.of(context.getProperty(ReferenceHost.DEPLOY_PROPERTY));
        Path source = Path.of(System.getProperty("receivables.runtime.dir", "target/runtime"), "jar");
        Path jar = Files.list(source).filter(file -> file.getFileName().toString().startsWith(UI + "-")).findFirst().orElseThrow();
        Path deployed = deploy.resolve(jar.getFileName());
        Files.copy(jar, deployed);

        awaitBundle(UI, true);
        assertEquals(Bundle.ACTIVE, bundle(UI).orElseThrow().getState());
        Http.Reply page = http.await("/receivables/index.html", reply -> reply.status() == 200, Duration.ofSeconds(10));
        assertTrue(page.body().contains("<title>receivables</title>"));
        http.await("/api/v1/health", reply -> reply.body().contains("\"symbolicName\":\"receivables.ui\""), Duration.ofSeconds(5));

        Files.delete(deployed);
        awaitBundle(UI, false);
        http.await("/receivables/index.html", reply -> reply.status() == 404, Duration.ofSeconds(10));
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName())).findFirst();
    }

    private void awaitBundle(String symbolicName, boolean active) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<Bundle> bundle = bundle(symbolicName);
            if (active ? bundle.map(b -> b.getState() == Bundle.ACTIVE).orElse(false) : bundle.isEmpty()) {
                return;
            }
            Http.sleep(200);
        }
        throw new AssertionError(symbolicName + (active ? " did not become active" : " was not removed") + " within 20 s");
    }
}
