package receivables.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives payments at a fixed concurrency (each of n threads books the next payment as soon as its last one is
 * answered) or at a fixed rate (payment i is due at start + i / rate, and its latency counts from then, so that a
 * server falling behind shows in the latencies instead of slowing the load down). Payments are numbered across the
 * phases of one side, so that every one has its own idempotency key and invoice.
 */
final class PaymentLoad {

    /** Books payment number {@code sequence}; false when it was refused or failed. */
    interface Booking {
        boolean book(long sequence) throws Exception;
    }

    /**
     * What one phase did: payments booked and failed, how long it took, the latencies (sorted, nanoseconds) and the
     * CPU the load generator, the server and the whole machine used meanwhile.
     */
    record Phase(String name, long booked, long failed, long elapsedNanos, long[] latencies, long clientCpuNanos,
            long serverCpuNanos, double machineBusy, double loadAverage) {

        double perSecond() {
            return booked * 1e9 / elapsedNanos;
        }

        double percentileMillis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        /** CPU used per wall-clock second, as cores. */
        double clientCores() {
            return (double) clientCpuNanos / elapsedNanos;
        }

        double serverCores() {
            return (double) serverCpuNanos / elapsedNanos;
        }
    }

    private final Booking booking;
    private final LongSupplier serverCpuNanos;
    private final AtomicLong next = new AtomicLong();

    /** @param serverCpuNanos the CPU time the server used so far; 0 where the server is this process */
    PaymentLoad(Booking booking, LongSupplier serverCpuNanos) {
        this.booking = booking;
        this.serverCpuNanos = serverCpuNanos;
    }

    /** Payments handed out so far (booked or failed). */
    long issued() {
        return next.get();
    }

    Phase atConcurrency(String name, int threads, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        return run(name, threads, () -> System.nanoTime() < end ? next.getAndIncrement() : -1, sequence -> 0L);
    }

    /**
     * Payments at {@code perSecond} for {@code seconds}, by up to {@code threads} at a time. None is sent once the
     * phase's time is over: a server that falls behind books fewer, which the rate shows, and what it booked late
     * shows in the latencies.
     */
    Phase atRate(String name, int perSecond, int threads, double seconds) throws InterruptedException {
        long first = next.get();
        long count = (long) (perSecond * seconds);
        long start = System.nanoTime() + 10_000_000;
        long end = start + (long) (seconds * 1e9);
        return run(name, threads, () -> {
            if (System.nanoTime() > end) {
                return -1;
            }
            long sequence = next.getAndIncrement();
            return sequence - first < count ? sequence : -1;
        }, sequence -> {
            long dueAt = start + (sequence - first) * 1_000_000_000L / perSecond;
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            return dueAt;
        });
    }

    /** The next payment to book, or -1 when the phase is over. */
    private interface Next {
        long take();
    }

    /** Waits until a payment is due and answers when that was (0: as soon as taken). */
    private interface Due {
        long await(long sequence);
    }

    private Phase run(String name, int threads, Next taking, Due due) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(taking, due, name + "-" + i));
        }
        long clientBefore = processCpuNanos();
        long serverBefore = serverCpuNanos.getAsLong();
        long[] machineBefore = machineTicks();
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        for (Worker worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - started;
        long[] machineAfter = machineTicks();
        long booked = workers.stream().mapToLong(worker -> worker.booked).sum();
        long failed = workers.stream().mapToLong(worker -> worker.failed).sum();
        long[] latencies = workers.stream().flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.count))
                .sorted().toArray();
        double busy = machineAfter[1] == machineBefore[1] ? Double.NaN
                : (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
        return new Phase(name, booked, failed, elapsed, latencies, processCpuNanos() - clientBefore,
                serverCpuNanos.getAsLong() - serverBefore, busy,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private final class Worker extends Thread {

        private final Next taking;
        private final Due due;
        long booked;
        long failed;
        long[] latencies = new long[1024];
        int count;

        Worker(Next taking, Due due, String name) {
            super(name);
            this.taking = taking;
            this.due = due;
        }

        @Override
        public void run() {
            for (long sequence = taking.take(); sequence >= 0; sequence = taking.take()) {
                long dueAt = due.await(sequence);
                long sent = dueAt == 0 ? System.nanoTime() : dueAt;
                boolean ok;
                try {
                    ok = booking.book(sequence);
                } catch (Exception e) {
                    System.err.println("payment " + sequence + " failed: " + e);
                    ok = false;
                }
                long latency = System.nanoTime() - sent;
                if (ok) {
                    booked++;
                } else {
                    failed++;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = latency;
            }
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy and total jiffies of all CPUs since boot, from /proc/stat; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] { total - idle, total };
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }
}
