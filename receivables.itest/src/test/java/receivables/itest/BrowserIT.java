package receivables.itest;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The web UI's scripts checked by Node.js ({@code src/test/browser}): every message bundle of the shell and of each
 * fragment, in every module, has each key in both languages.
 */
public class BrowserIT {

    private static final Path SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();

    /** Every message bundle has every key in both languages, and every key a script asks for (messages.test.mjs). */
    @Test
    public void everyTextExistsInChineseAndEnglish() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "browser").toAbsolutePath());
        Path log = work.resolve("messages.test.log");
        Process node = new ProcessBuilder("node", SCRIPTS.resolve("messages.test.mjs").toString(),
                Path.of("..").toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        boolean ended = node.waitFor(1, TimeUnit.MINUTES);
        assertEquals(Files.readString(log, StandardCharsets.UTF_8), 0, ended ? node.exitValue() : -1);
    }
}
