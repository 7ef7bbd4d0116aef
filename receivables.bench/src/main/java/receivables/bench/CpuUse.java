package receivables.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CPU seconds that one timed part cost this JVM and the PostgreSQL server's processes on this machine. On two
 * cores a run's time also depends on what the server's checkpoints and background writes cost at that moment; the
 * seconds each side spent computing are the steadier comparison of the work done.
 *
 * @param jvmSeconds      CPU of this process (for H2 that includes the database)
 * @param gcSeconds       of which the garbage collector's threads
 * @param jitSeconds      of which the JIT compilers' threads
 * @param postgresSeconds CPU of every process named {@code postgres} (the connections' backends and the server's own
 *                        writers, checkpointer and WAL writer); zero where there is none or /proc cannot be read
 */
record CpuUse(double jvmSeconds, double gcSeconds, double jitSeconds, double postgresSeconds) {

    /** Linux counts process CPU in /proc in ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;
    /** HotSpot's names of its collector threads (G1's and the parallel ones) and of its compilers'. */
    private static final Predicate<String> GC = name -> name.startsWith("GC Thread") || name.startsWith("G1 ");
    private static final Predicate<String> JIT = name -> name.startsWith("C1 Compiler")
            || name.startsWith("C2 Compiler");

    /** What has been used from now until {@link Counter#used()}. */
    static Counter count() {
        return new Counter(PaymentLoad.processCpuNanos(), ownTicks(GC), ownTicks(JIT), postgresTicksNow());
    }

    /** The counts when counting began. */
    record Counter(long jvmNanos, long gcTicks, long jitTicks, long postgresTicks) {

        CpuUse used() {
            return new CpuUse((PaymentLoad.processCpuNanos() - jvmNanos) / 1e9,
                    (ownTicks(GC) - gcTicks) / TICKS_PER_SECOND, (ownTicks(JIT) - jitTicks) / TICKS_PER_SECOND,
                    (postgresTicksNow() - postgresTicks) / TICKS_PER_SECOND);
        }
    }

    String describe() {
        return String.format("JVM %.1f s (GC %.1f, JIT %.1f) + PostgreSQL %.1f s", jvmSeconds, gcSeconds, jitSeconds,
                postgresSeconds);
    }

    /** Ticks of this JVM's threads whose names {@code named} takes; they live as long as the JVM. */
    private static long ownTicks(Predicate<String> named) {
        return ticks(Path.of("/proc/self/task"), named);
    }

    /** Ticks of every postgres process now alive; the server's own processes live as long as it does. */
    private static long postgresTicksNow() {
        return ticks(Path.of("/proc"), "postgres"::equals);
    }

    private static long ticks(Path directory, Predicate<String> named) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> ticksOf(path, named)).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User and system ticks of the process or thread at {@code path}, if its name is one {@code named} takes. */
    private static long ticksOf(Path path, Predicate<String> named) {
        try {
            String stat = Files.readString(path.resolve("stat"));
            // The name is in parentheses and may hold spaces; the fields after it are counted from its end.
            int nameEnd = stat.lastIndexOf(')');
            if (!named.test(stat.substring(stat.indexOf('(') + 1, nameEnd))) {
                return 0;
            }
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat; state, field 3, is the first after the name.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            // It ended between the listing and the read.
            return 0;
        }
    }
}
