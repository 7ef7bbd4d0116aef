package receivables.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Starts the reference host (embedded H2, the shipped etc/) and the bare stack ({@link BareStack}) as child
 * processes, {@code rounds} times each in turn, and times each from the process's start to the first 200 of
 * {@code GET /api/v1/health}. Reads the process's resident memory right after that answer and again after a small
 * steady load: {@code loadRounds} times creating a customer, listing customers and the tenant's health report on
 * ours; as many requests of health on the bare stack, which has nothing else to serve.
 */
final class HostStartBenchmark {

    static final List<String> DEMO_TENANT = List.of("X-Tenant", "default", "Authorization",
            "Bearer default-demo-key-change-me");
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final HostJars jars;
    private final int rounds;
    private final int loadRounds;

    HostStartBenchmark(HostJars jars, int rounds, int loadRounds) {
        this.jars = jars;
        this.rounds = rounds;
        this.loadRounds = loadRounds;
    }

    /**
     * One start of one stack: seconds to health and the process's CPU seconds by then (which the machine's other work
     * disturbs far less), resident MiB after health and after the load; then the same stack stopped and started
     * again in the same directory, on the database its first start made, as an operator restarts it.
     */
    private record Start(double seconds, double cpuSeconds, double residentAtHealth, double residentAfterLoad,
            double restartSeconds, double restartCpuSeconds) {
    }

    List<Measurement> run() throws Exception {
        System.out.printf("%n== start: %d rounds of the reference host and the bare stack (H2 embedded), %d load rounds%n",
                rounds, loadRounds);
        List<Start> ours = new ArrayList<>();
        List<Start> bare = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternating which goes first, so that neither always meets a page cache the other warmed.
            boolean oursFirst = round % 2 == 1;
            for (boolean isOurs : oursFirst ? new boolean[] { true, false } : new boolean[] { false, true }) {
                Start start = isOurs ? start(jars.host(), jars.etc(), "ours-" + round, this::oursLoad)
                        : start(jars.bare(), jars.bareEtc(), "bare-" + round, this::bareLoad);
                (isOurs ? ours : bare).add(start);
                System.out.printf("  %-8s round %d: health after %.3f s (%.2f s CPU), resident %.0f MiB then, %.0f MiB"
                        + " after the load; restarted: health after %.3f s (%.2f s CPU) (load average %.2f)%n",
                        isOurs ? "ours" : "bare", round, start.seconds(), start.cpuSeconds(), start.residentAtHealth(),
                        start.residentAfterLoad(), start.restartSeconds(), start.restartCpuSeconds(),
                        Benchmarks.loadAverage());
            }
        }
        compare("start to health", " (aim: at most 1 s)", ours, bare, Start::seconds);
        compare("CPU to health", "", ours, bare, Start::cpuSeconds);
        compare("restart to health", "", ours, bare, Start::restartSeconds);
        compare("CPU to health on restart", "", ours, bare, Start::restartCpuSeconds);
        double oursSeconds = median(ours, Start::seconds);
        double bareSeconds = median(bare, Start::seconds);
        double oursAtHealth = median(ours, Start::residentAtHealth);
        double bareAtHealth = median(bare, Start::residentAtHealth);
        double oursAfterLoad = median(ours, Start::residentAfterLoad);
        double bareAfterLoad = median(bare, Start::residentAfterLoad);
        System.out.printf("  resident at health, median: ours %.0f MiB, bare %.0f MiB, difference %.0f MiB, ratio %.2f%n",
                oursAtHealth, bareAtHealth, oursAtHealth - bareAtHealth, oursAtHealth / bareAtHealth);
        System.out.printf("  resident after the load, median: ours %.0f MiB, bare %.0f MiB, difference %.0f MiB"
                + " (aim: at most 60 MiB), ratio %.2f%n", oursAfterLoad, bareAfterLoad, oursAfterLoad - bareAfterLoad,
                oursAfterLoad / bareAfterLoad);
        return List.of(new Measurement("start to health (median of " + rounds + ")", "h2 embedded", oursSeconds,
                bareSeconds, String.format("difference %.3f s; resident after load %.0f vs %.0f MiB (+%.0f)",
                        oursSeconds - bareSeconds, oursAfterLoad, bareAfterLoad, oursAfterLoad - bareAfterLoad)),
                new Measurement("restart to health (median of " + rounds + ")", "h2 embedded",
                        median(ours, Start::restartSeconds), median(bare, Start::restartSeconds),
                        "the database of the first start"));
    }

    /** The steady load a started host gets before its memory is read a second time. */
    private interface Load {
        void apply(ChildHost host) throws IOException, InterruptedException;
    }

    private Start start(Path jar, Path etc, String name, Load load) throws Exception {
        try (ChildHost host = new ChildHost(jars.work().resolve(name), jar, etc)) {
            host.start();
            double seconds = host.awaitHealthy(START_LIMIT) / 1e9;
            double atHealth = host.residentMebibytes();
            double cpuSeconds = host.cpuNanos() / 1e9;
            load.apply(host);
            double afterLoad = host.residentMebibytes();
            host.close();
            host.start();
            double restartSeconds = host.awaitHealthy(START_LIMIT) / 1e9;
            return new Start(seconds, cpuSeconds, atHealth, afterLoad, restartSeconds, host.cpuNanos() / 1e9);
        }
    }

    private void compare(String what, String aim, List<Start> ours, List<Start> bare, ToDoubleFunction<Start> value) {
        double oursValue = median(ours, value);
        double bareValue = median(bare, value);
        System.out.printf("  %s, median of %d: ours %.3f s (%s), bare %.3f s (%s), difference %.3f s%s, ratio %.2f%n",
                what, ours.size(), oursValue, range(ours, value), bareValue, range(bare, value), oursValue - bareValue,
                aim, oursValue / bareValue);
    }

    private static double median(List<Start> starts, ToDoubleFunction<Start> value) {
        return median(starts.stream().mapToDouble(value).toArray());
    }

    private void oursLoad(ChildHost host) throws IOException, InterruptedException {
        for (int i = 1; i <= loadRounds; i++) {
            String customer = "{\"name\":\"Load " + i + " GmbH\",\"number\":\"L-" + i + "\",\"currency\":\"EUR\"}";
            expect(host.send(withTenant(HttpRequest.newBuilder(host.uri("/api/v1/customers")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(customer))), 201);
            expect(host.send(withTenant(HttpRequest.newBuilder(host.uri("/api/v1/customers?page=0&size=20")))), 200);
            expect(host.send(withTenant(HttpRequest.newBuilder(host.uri("/api/v1/health")))), 200);
        }
    }

    private void bareLoad(ChildHost host) throws IOException, InterruptedException {
        for (int i = 1; i <= loadRounds * 3; i++) {
            expect(host.send(HttpRequest.newBuilder(host.uri("/api/v1/health"))), 200);
        }
    }

    static HttpRequest.Builder withTenant(HttpRequest.Builder request) {
        for (int i = 0; i < DEMO_TENANT.size(); i += 2) {
            request.header(DEMO_TENANT.get(i), DEMO_TENANT.get(i + 1));
        }
        return request;
    }

    private static void expect(HttpResponse<String> reply, int status) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(reply.request().method() + " " + reply.uri() + " answered "
                    + reply.statusCode() + " instead of " + status + ": " + reply.body());
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String range(List<Start> starts, ToDoubleFunction<Start> value) {
        return String.format("%.3f–%.3f", starts.stream().mapToDouble(value).min().orElseThrow(),
                starts.stream().mapToDouble(value).max().orElseThrow());
    }
}
