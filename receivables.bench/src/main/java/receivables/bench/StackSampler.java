package receivables.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A poor man's profiler, the in-process equivalent of taking {@code jcmd <pid> Thread.print} every few
 * milliseconds: samples the stacks of the threads doing the work and reports where they were. Only on
 * when asked for ({@code profile}), because sampling costs time the measurement should not include.
 *
 * <p>Three views: the top frame (where the CPU or the wait is), the layer the top frame belongs to, and
 * the innermost frame of receivables code with the library method it had called, which names the line
 * of ours that is responsible.
 */
final class StackSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 5;

    private final Predicate<Thread> sampled;
    private final Thread sampler;
    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> layers = new HashMap<>();
    private final Map<String, Integer> ourCalls = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    private StackSampler(Predicate<Thread> sampled) {
        this.sampled = sampled;
        this.sampler = new Thread(this::sampleUntilClosed, "bench-stack-sampler");
        sampler.setDaemon(true);
    }

    /** Samples the threads {@code sampled} accepts now, until closed; {@code null} when not profiling. */
    static StackSampler startIf(boolean profiling, Predicate<Thread> sampled) {
        if (!profiling) {
            return null;
        }
        StackSampler stackSampler = new StackSampler(sampled);
        stackSampler.sampler.start();
        return stackSampler;
    }

    private void sampleUntilClosed() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Resolved once: listing every thread's stack at each sample would cost more than the sample.
        long[] ids = Thread.getAllStackTraces().keySet().stream().filter(sampled).mapToLong(Thread::getId).toArray();
        while (running) {
            for (ThreadInfo info : threads.getThreadInfo(ids, Integer.MAX_VALUE)) {
                if (info != null && info.getStackTrace().length > 0) {
                    record(info.getStackTrace());
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(StackTraceElement[] stack) {
        if (isIdle(stack)) {
            return;
        }
        samples++;
        StackTraceElement top = stack[0];
        topFrames.merge(top.getClassName() + "." + top.getMethodName(), 1, Integer::sum);
        layers.merge(layer(stack), 1, Integer::sum);
        for (int i = 1; i < stack.length; i++) {
            StackTraceElement frame = stack[i];
            if (frame.getClassName().startsWith("receivables.") && !frame.getClassName().startsWith("receivables.bench.")) {
                StackTraceElement called = stack[i - 1];
                ourCalls.merge(simpleName(frame.getClassName()) + "." + frame.getMethodName() + ":" + frame.getLineNumber()
                        + " -> " + simpleName(called.getClassName()) + "." + called.getMethodName(), 1, Integer::sum);
                break;
            }
        }
    }

    /** A pool thread waiting for its next task is not work. */
    private static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("receivables.")) {
                return false;
            }
        }
        return true;
    }

    private static String layer(StackTraceElement[] stack) {
        String top = stack[0].getClassName();
        if (top.startsWith("sun.nio.ch.") || top.startsWith("java.net.") || top.startsWith("sun.security.ssl.")) {
            return "waiting on the socket (the PostgreSQL server working, or the round trip)";
        }
        if (top.startsWith("org.postgresql.")) {
            return "PostgreSQL JDBC driver";
        }
        if (top.startsWith("org.h2.")) {
            return "H2 engine (in process)";
        }
        if (top.startsWith("org.hibernate.")) {
            return "Hibernate";
        }
        if (top.startsWith("com.zaxxer.hikari.")) {
            return "HikariCP";
        }
        if (top.startsWith("receivables.")) {
            return "receivables code";
        }
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.startsWith("org.postgresql.") || name.startsWith("org.h2.")) {
                return "JDK code called by the JDBC driver";
            }
            if (name.startsWith("org.hibernate.")) {
                return "JDK code called by Hibernate";
            }
            if (name.startsWith("receivables.")) {
                return "JDK code called by receivables (BigDecimal, UUID, String.format, ...)";
            }
        }
        return "other";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    /** The report, most frequent first, as percentages of the samples taken. */
    synchronized String report(String title, int limit) {
        StringBuilder text = new StringBuilder("  profile of ").append(title).append(": ").append(samples)
                .append(" samples every ").append(INTERVAL_MILLIS).append(" ms\n");
        section(text, "by layer of the top frame", layers, limit);
        section(text, "innermost receivables frame -> the method it called", ourCalls, limit);
        section(text, "top frames", topFrames, limit);
        return text.toString();
    }

    private void section(StringBuilder text, String title, Map<String, Integer> counts, int limit) {
        text.append("    ").append(title).append(":\n");
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit).toList();
        for (Map.Entry<String, Integer> entry : sorted) {
            text.append(String.format("      %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()));
        }
    }
}
