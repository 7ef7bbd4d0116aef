package receivables.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import java.net.http.HttpResponse;

/**
 * Times a bundle copied into the running host's {@code deploy/} until it serves, {@code rounds} times, with the
 * bundle deleted (and gone) between rounds. Ours: the example provider bundle (receivables.payments.paylink), with
 * an account for the demo tenant in etc/, until {@code GET /api/v1/payment-providers} lists it. The baseline: a
 * trivial bundle ({@link BareStack#bundle}) dropped into the bare stack's deploy/, until its resource answers 200.
 * Both deploy/ directories are watched by the shipped {@code org.apache.felix.fileinstall-deploy.cfg}.
 */
final class HotDeployBenchmark {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PAYLINK_ACCOUNT = """
            tenant="default"
            provider="paylink"
            settings=["pageUrl=https://pay.example/link"]
            secrets=["signingKey=bench-signing-key"]
            """;

    private final HostJars jars;
    private final int rounds;

    HotDeployBenchmark(HostJars jars, int rounds) {
        this.jars = jars;
        this.rounds = rounds;
    }

    List<Measurement> run() throws Exception {
        System.out.printf("%n== hotdeploy: %d rounds of a bundle dropped into deploy/ of a running host%n", rounds);
        List<Double> ours;
        try (ChildHost host = new ChildHost(jars.work().resolve("hotdeploy-ours"), jars.host(), jars.etc())) {
            Files.writeString(host.etc().resolve("receivables.provider.account-default-paylink.config"), PAYLINK_ACCOUNT);
            host.start();
            host.awaitHealthy(Duration.ofSeconds(180));
            ours = deployments(host, "ours", jars.provider(), "receivables.payments.paylink.jar",
                    "/api/v1/payment-providers", reply -> reply.statusCode() == 200 && reply.body().contains("\"paylink\""),
                    reply -> reply.statusCode() == 200 && !reply.body().contains("\"paylink\""));
        }
        List<Double> bare;
        try (ChildHost host = new ChildHost(jars.work().resolve("hotdeploy-bare"), jars.bare(), jars.bareEtc())) {
            Path trivial = Files.write(jars.work().resolve("bench.bare.deployed.jar"),
                    BareStack.bundle("bench.bare.deployed", "deployed"));
            host.start();
            host.awaitHealthy(Duration.ofSeconds(180));
            bare = deployments(host, "bare", trivial, "bench.bare.deployed.jar", "/api/v1/deployed",
                    reply -> reply.statusCode() == 200, reply -> reply.statusCode() == 404);
        }
        double oursSeconds = HostStartBenchmark.median(ours.stream().mapToDouble(Double::doubleValue).toArray());
        double bareSeconds = HostStartBenchmark.median(bare.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf("  deploy/ to served, median of %d: ours %.3f s, bare %.3f s, difference %.3f s, ratio %.2f"
                + " (aim: ours at most 1 s)%n", rounds, oursSeconds, bareSeconds, oursSeconds - bareSeconds,
                oursSeconds / bareSeconds);
        return List.of(new Measurement("provider deploy/ to offered (median of " + rounds + ")", "h2 embedded",
                oursSeconds, bareSeconds, String.format("ours %s s, bare %s s", ours, bare)));
    }

    private List<Double> deployments(ChildHost host, String name, Path bundle, String fileName, String path,
            Predicate<HttpResponse<String>> served, Predicate<HttpResponse<String>> gone) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<String> headers = HostStartBenchmark.DEMO_TENANT;
        host.awaitAnswer(path, headers, gone, LIMIT);
        for (int round = 1; round <= rounds; round++) {
            // Copied under another name and moved in, so that FileInstall never sees half a jar.
            Path staged = Files.copy(bundle, host.deploy().resolveSibling(fileName), StandardCopyOption.REPLACE_EXISTING);
            long dropped = System.nanoTime();
            Files.move(staged, host.deploy().resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            double took = (host.awaitAnswer(path, headers, served, LIMIT) - dropped) / 1e9;
            seconds.add(Math.round(took * 1000) / 1000.0);
            System.out.printf("  %-4s round %d: served %.3f s after the drop (load average %.2f)%n", name, round, took,
                    Benchmarks.loadAverage());
            Files.delete(host.deploy().resolve(fileName));
            host.awaitAnswer(path, headers, gone, LIMIT);
        }
        return seconds;
    }
}
