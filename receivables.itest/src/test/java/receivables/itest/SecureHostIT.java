package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The reference host as shipped, started with {@code java -jar}, holds no usable password and no API key in clear:
 * the web console's password is generated on first start, printed once and kept owner-only; the shipped demo tenant
 * holds only its key's hash, a key still configured in clear works with a warning that does not show it, and the
 * data directory is owner-only.
 */
public class SecureHostIT {

    private static final Pattern PRINTED = Pattern.compile("Web console: user 'admin', password (\\S+)");
    private static final String CLEAR_KEY = "clear-text-key-0123456789";

    @Test
    public void theConsoleHasAGeneratedPasswordAndTheKeysAreHashes() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "it", "secure-host-" + UUID.randomUUID()).toAbsolutePath());
        try (HostProcess host = new HostProcess(directory, Map.of())) {
            String etc = String.join("\n", Files.readAllLines(directory.resolve("etc/receivables.tenant-default.cfg")));
            assertFalse("the shipped tenant holds no key in clear", etc.contains("apiKeys=default-demo-key-change-me"));
            assertTrue(etc, etc.contains("apiKeys={hmac-sha256}"));
            assertFalse(Files.exists(directory.resolve("etc/org.apache.felix.webconsole.internal.servlet.OsgiManager.cfg")));
            Files.writeString(directory.resolve("etc/receivables.tenant-plain.cfg"), "id=plain\napiKeys=" + CLEAR_KEY + "\n");

            host.start();
            String password = host.consolePassword();
            Path file = directory.resolve("data/console-password");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("data"))));
            assertTrue(password.length() >= 20);

            assertEquals(200, awaitConsole(host, password));
            assertEquals(401, console(host, "admin", "admin"));
            assertEquals(401, console(host, "admin", "change-me-console"));
            assertEquals(200, host.send(host.request("/api/v1/customers")).statusCode());
            assertEquals(200, host.send(host.request("/api/v1/customers")
                    .setHeader("X-Tenant", "plain").setHeader("Authorization", "Bearer " + CLEAR_KEY)).statusCode());

            String log = Files.readString(directory.resolve("host.log"));
            Matcher printed = PRINTED.matcher(log);
            assertTrue("the password is printed on first start", printed.find());
            assertEquals(password, printed.group(1));
            assertTrue(log, log.contains("Tenant plain: 1 of its API keys are in clear text"));
            assertFalse("a key is never logged", log.contains(CLEAR_KEY));
            assertFalse("a key is never logged", log.contains("default-demo-key-change-me"));

            host.stop();
            host.start();
            assertEquals(200, awaitConsole(host, password));
            Matcher again = PRINTED.matcher(Files.readString(directory.resolve("host.log")));
            assertTrue(again.find());
            assertFalse("printed only once", again.find());
        }
    }

    /** The console's status for the password, once the host has handed the console its configuration. */
    private static int awaitConsole(HostProcess host, String password) throws Exception {
        int status = console(host, "admin", password);
        for (int i = 0; i < 50 && status != 200; i++) {
            Http.sleep(200);
            status = console(host, "admin", password);
        }
        return status;
    }

    private static int console(HostProcess host, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return host.send(HttpRequest.newBuilder(URI.create(host.base() + "/system/console/bundles.json"))
                .header("Authorization", "Basic " + credentials).GET()).statusCode();
    }
}
