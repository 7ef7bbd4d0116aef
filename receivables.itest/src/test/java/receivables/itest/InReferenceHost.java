package receivables.itest;

import java.time.Duration;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A test that runs inside the reference host as shipped, booted in Felix by Pax Exam, and drives it over HTTP once
 * its health check answers. Each test class names its own working directory, so that classes never share data.
 */
public abstract class InReferenceHost {

    // On a loaded machine the whiteboard serves the API late.
    private static final Duration STARTING = Duration.ofSeconds(60);

    private final String name;

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    protected Http http;

    protected InReferenceHost(String name) {
        this.name = name;
    }

    /** The host's bundles and configuration; a class that deploys bundles itself narrows them from {@link #host()}. */
    @Configuration
    public Option[] configuration() {
        return host().options();
    }

    /** The reference host in this class's working directory. */
    protected ReferenceHost host() {
        return new ReferenceHost(name);
    }

    @Before
    public void hostUp() {
        http = new Http(context);
        http.await("/api/v1/health", reply -> reply.status() == 200, STARTING);
    }
}
