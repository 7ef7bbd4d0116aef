package receivables.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The heap a benchmark's JVM uses while it watches. Each heap pool's own peak ({@link MemoryPoolMXBean},
 * reset at the start) says how full each pool got; their sum overstates the heap's peak, for the pools peak at
 * different moments (it can exceed -Xmx). So the heap in use, all pools together, is also sampled every 50 ms,
 * and its highest sample is the peak reported. Both include garbage not yet collected.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile long peak;

    HeapWatch() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::sample, "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak = Math.max(peak, used());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long used() {
        return pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        peak = Math.max(peak, used());
    }

    /** The highest sample of the heap in use, all pools together. */
    long peak() {
        return peak;
    }

    /** Each heap pool's peak in MiB, e.g. {@code G1 Eden Space 96, G1 Old Gen 40, G1 Survivor Space 4}. */
    String poolPeaks() {
        return pools.stream().map(pool -> pool.getName() + " " + (pool.getPeakUsage().getUsed() >> 20))
                .collect(Collectors.joining(", "));
    }
}
