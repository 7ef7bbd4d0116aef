package receivables.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Platforms the tests start as processes of their own: how they are doing, and stopping them. */
final class Processes {

    private Processes() {
    }

    static String alive(Process process) {
        return process.isAlive() ? "" : "the process exited with " + process.exitValue() + "; ";
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "its output ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "no output (" + e + ")";
        }
    }

    /**
     * Stops a process and everything it started (bin/karaf runs Karaf's JVM as a child) as a service manager does,
     * with SIGTERM, killing what is still running after a minute.
     */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }
}
