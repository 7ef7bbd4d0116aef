package receivables.impl.background.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The node's background work: each kind runs on one named daemon thread, started and stopped with its component,
 * so that a bundle update or a framework shutdown never waits on, nor leaves behind, a thread of ours.
 */
public final class BackgroundThreads {

    private static final int STOP_SECONDS = 30;

    private BackgroundThreads() {
    }

    /** A thread that runs submitted work one piece after another. */
    public static ExecutorService runner(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** A thread that runs {@code round} every {@code intervalSeconds} (at least one), first after one interval. */
    public static ScheduledExecutorService every(String name, int intervalSeconds, Runnable round) {
        return every(name, Duration.ofSeconds(Math.max(1, intervalSeconds)), round);
    }

    /** A thread that runs {@code round} every {@code interval}, first after one interval. */
    public static ScheduledExecutorService every(String name, Duration interval, Runnable round) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(named(name));
        schedule.scheduleWithFixedDelay(round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Interrupts the work under way and waits for it to end. */
    public static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
    }

    private static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
