package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import receivables.payments.wallet.emulator.WalletGatewayEmulator;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Delivery;
import receivables.payments.wallet.emulator.WalletGatewayEmulator.Receipt;

/**
 * The web UI checked by Node.js ({@code src/test/browser}): its message bundles, and its screens driven in Debian's
 * Chromium by playwright-core against the reference host started with {@code java -jar}, with the QR wallet's
 * gateway emulator in this JVM. Screenshots of every step are kept under {@code target/browser/screenshots}.
 */
public class BrowserIT {

    private static final Path SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();
    private static final Path WORK = Path.of("target", "browser").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every message bundle has every key in both languages, and every key a script asks for (messages.test.mjs). */
    @Test
    public void everyTextExistsInChineseAndEnglish() throws Exception {
        Files.createDirectories(WORK);
        node(List.of(SCRIPTS.resolve("messages.test.mjs").toString(), Path.of("..").toAbsolutePath().normalize().toString()),
                Map.of(), WORK.resolve("messages.test.log"), Duration.ofMinutes(1));
    }

    /**
     * The scenarios of {@code ui.test.mjs} at 1280×800 and 390×844, in English and Chinese: people sign in (with the
     * one-time password a tenant admin handed them), create a customer, issue an invoice, pay it through the QR wallet,
     * upload a camt.053 and match what is left by hand, collect on a phone, and see a hot-deployed bundle's provider.
     */
    @Test
    public void theScreensWorkInARealBrowser() throws Exception {
        Path chromium = chromium();
        Path runner = installedPlaywright();
        Path directory = Files.createDirectories(Path.of("target", "it", "browser-" + UUID.randomUUID()).toAbsolutePath());
        KeyPair merchant = WalletPaymentIT.merchantKeys();
        try (WalletGatewayEmulator gateway = new WalletGatewayEmulator(WalletPaymentIT.APP_ID, merchant.getPublic());
                HostProcess host = new HostProcess(directory, Map.of());
                Buyer buyer = new Buyer(gateway)) {
            // The tenant's account of the paylink bundle, which is deployed only later; the bank transfer's account is
            // created by the tenant admin in the Settings screen.
            Files.writeString(directory.resolve("etc/receivables.provider.account-paylink.config"), "tenant=\"" + Http.DEFAULT_TENANT
                    + "\"\nprovider=\"paylink\"\nsettings=[\"pageUrl=https://pay.example/link\"]\n"
                    + "secrets=[\"signingKey=" + UUID.randomUUID() + "\"]\n");
            WalletPaymentIT.startWithWalletAccount(host, gateway, merchant);
            WalletPaymentIT.awaitWalletOffered(host);
            Path shots = WORK.resolve("screenshots");
            deleteRecursively(shots);
            Map<String, String> environment = new HashMap<>(Map.of(
                    "BASE_URL", host.base(),
                    "TENANT", Http.DEFAULT_TENANT,
                    "API_KEY", Http.DEFAULT_KEY,
                    "SCREENSHOT_DIR", shots.toString(),
                    "DEPLOY_DIR", Files.createDirectories(directory.resolve("deploy")).toString(),
                    "PAYLINK_JAR", Path.of(System.getProperty("receivables.examples.dir", "target/examples"),
                            "receivables.payments.paylink.jar").toAbsolutePath().toString(),
                    "BUYER_URL", buyer.url(),
                    "CHROMIUM", chromium.toString(),
                    "HOST_DIR", directory.toString()));
            environment.put("BANK_FILES", Path.of(System.getProperty("receivables.bank-statements.dir",
                    "../../shared/data/bank-statements")).toAbsolutePath().normalize().toString());
            environment.put("ADMIN_USERNAME", "clara");
            environment.put("ADMIN_ONE_TIME_PASSWORD", firstUser(host, "clara", "Clara Chen",
                    "[\"TENANT_ADMIN\",\"FINANCE_MANAGER\",\"CLERK\"]").get("oneTimePassword").asText());
            JsonNode collector = firstUser(host, "colin", "Colin Wu", "[\"COLLECTOR\"]");
            environment.put("COLLECTOR_USERNAME", "colin");
            environment.put("COLLECTOR_ID", collector.at("/user/id").asText());
            environment.put("COLLECTOR_ONE_TIME_PASSWORD", collector.get("oneTimePassword").asText());
            node(List.of(runner.resolve("ui.test.mjs").toString()), environment, WORK.resolve("ui.test.log"),
                    Duration.ofMinutes(5));
        }
    }

    /**
     * A user created over REST with the demo key, as the README's "first user": answers the user and the one-time
     * password, which the browser replaces at the first sign-in.
     */
    private static JsonNode firstUser(HostProcess host, String username, String name, String roles) throws Exception {
        HttpResponse<String> created = host.send(host.request("/api/v1/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"displayName\":\"" + name
                        + "\",\"roles\":" + roles + ",\"enabled\":true}")));
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body());
    }

    /** Debian's Chromium ({@code .ci/run} installs it when missing); {@code CHROMIUM} names another. */
    private static Path chromium() {
        Optional<Path> found = Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(candidate -> candidate != null && !candidate.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
        assertTrue("no Chromium at /usr/bin/chromium: install Debian's chromium (.ci/run does) or set CHROMIUM",
                found.isPresent());
        return found.get();
    }

    /**
     * The browser scripts beside playwright-core as the committed package-lock.json pins it, in target/browser/run:
     * {@code npm ci} runs only when the installed version is not the locked one, and prefers npm's cache, so that
     * it needs the network only the first time on a machine.
     */
    private static Path installedPlaywright() throws Exception {
        Path run = Files.createDirectories(WORK.resolve("run"));
        for (String file : List.of("package.json", "package-lock.json", "ui.test.mjs")) {
            Files.copy(SCRIPTS.resolve(file), run.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String locked = JSON.readTree(SCRIPTS.resolve("package-lock.json").toFile())
                .at("/packages/node_modules~1playwright-core/version").asText();
        Path installed = run.resolve("node_modules/playwright-core/package.json");
        if (!Files.exists(installed) || !locked.equals(JSON.readTree(installed.toFile()).get("version").asText())) {
            run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), run, Map.of(),
                    WORK.resolve("npm-ci.log"), Duration.ofMinutes(3));
        }
        return run;
    }

    private static void node(List<String> arguments, Map<String, String> environment, Path log, Duration limit)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        run(command, WORK, environment, log, limit);
    }

    /** Runs the command to its end within limit, its output in log; fails with that output unless it exits with 0. */
    private static void run(List<String> command, Path directory, Map<String, String> environment, Path log,
            Duration limit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is not on the PATH (.ci/run installs Node.js and npm): " + e.getMessage());
        }
        boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " ("
                + Duration.between(started, Instant.now()).toSeconds() + " s):\n" + output);
        assertTrue("still running after " + limit + ":\n" + output, ended);
        assertEquals(output, 0, process.exitValue());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The payer's phone: {@code POST /scan} with what the QR code says pays the trade behind it at the gateway, which
     * then notifies the host as a real wallet does. Answers the host's reply to that notification.
     */
    private static final class Buyer implements AutoCloseable {

        private final WalletGatewayEmulator gateway;
        private final HttpServer server;

        Buyer(WalletGatewayEmulator gateway) throws IOException {
            this.gateway = gateway;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/scan", this::scan);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/scan";
        }

        private void scan(HttpExchange exchange) throws IOException {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                String scanned = new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
                Optional<WalletGatewayEmulator.Trade> trade = gateway.trades().stream()
                        .filter(candidate -> candidate.qrCode().equals(scanned)).findFirst();
                int status;
                String answer;
                if (trade.isEmpty()) {
                    status = 404;
                    answer = "no trade has the QR code " + scanned;
                } else if (!trade.get().status().equals("WAIT_BUYER_PAY")) {
                    status = 409;
                    answer = "the trade is " + trade.get().status();
                } else {
                    Receipt receipt = gateway.pay(trade.get().outTradeNo(), "buyer-in-the-browser-test", Delivery.once()).get(0);
                    status = receipt.status() == 200 ? 200 : 502;
                    answer = receipt.status() + " " + receipt.body();
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
