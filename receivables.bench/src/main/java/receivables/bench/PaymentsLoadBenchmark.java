package receivables.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payments over REST against the reference host on PostgreSQL, against the same booking by hand-written JDBC.
 *
 * <p>The host is started as an operator starts it ({@code java -jar receivables.jar}, the shipped {@code etc/}, the
 * database given by {@code RECEIVABLES_DB_URL}), with the demo tenant and its key. Customers are created and one open
 * invoice per {@code paymentInvoices} is billed over REST; the baseline's schema, migrated by our migrations, gets a
 * copy of the same customers, invoices and installments. Then each side books payments at concurrency 1, 16, 32 and
 * 64 for {@code paymentSeconds} each and at a fixed rate of {@code paymentRate} per second: ours as
 * {@code POST /api/v1/payments}, every one with its own {@code Idempotency-Key} and allocated to one invoice (payment
 * i pays invoice i modulo the number of invoices, so that concurrent payments pay different invoices); the baseline
 * as {@link JdbcPayments}. The load generator is a pool of plain threads on one {@code java.net.http} client
 * (HTTP/1.1, keep-alive); its CPU, the host's and the machine's are measured for each phase. Afterwards each
 * side's payments, allocations and journal entries are counted and summed in its database: every payment answered
 * 201 must be there once with its amount, and none other.
 */
final class PaymentsLoadBenchmark {

    static final int[] CONCURRENCY = { 1, 16, 32, 64 };
    private static final int RATE_THREADS = 64;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    /** An invoice a payment goes to, with its customer. */
    record Target(UUID invoice, UUID customer) {
    }

    /**
     * Which payment goes where: payment i pays 1.00 to 1.99 EUR (by i) to invoice i modulo their number, on one value
     * day; the amounts of the payments booked are summed for the check.
     */
    static final class Plan {

        private final List<Target> targets;
        private final AtomicLong bookedCents = new AtomicLong();
        private final AtomicLong booked = new AtomicLong();

        Plan(List<Target> targets) {
            this.targets = targets;
        }

        Target target(long sequence) {
            return targets.get((int) (sequence % targets.size()));
        }

        BigDecimal amount(long sequence) {
            return BigDecimal.valueOf(100 + sequence % 100, 2);
        }

        LocalDate valueDate() {
            return LocalDate.of(2026, 3, 20);
        }

        void booked(long sequence) {
            booked.incrementAndGet();
            bookedCents.addAndGet(100 + sequence % 100);
        }

        /** What the database must hold: the number of payments and their sum. */
        String expected() {
            return booked.get() + " payments, " + BigDecimal.valueOf(bookedCents.get(), 2);
        }
    }

    private final int seconds;
    private final int warmUpSeconds;
    private final int rate;
    private final int invoices;
    private final int customers;
    private final boolean profiling;

    PaymentsLoadBenchmark(int seconds, int warmUpSeconds, int rate, int invoices, int customers, boolean profiling) {
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.rate = rate;
        this.invoices = invoices;
        this.customers = customers;
        this.profiling = profiling;
    }

    List<Measurement> run() throws Exception {
        System.out.printf("%n== payments over REST on PostgreSQL: %d invoices of %d customers, %d s warm-up, %d s per phase,"
                + " rate %d/s%n", invoices, customers, warmUpSeconds, seconds, rate);
        try (FreshDatabase ours = DatabaseKind.POSTGRES.create("payments", 0);
                FreshDatabase baseline = DatabaseKind.POSTGRES.create("paybase", 0)) {
            List<PaymentLoad.Phase> oursPhases;
            String oursCheck;
            Plan oursPlan;
            List<String> hostOptions = new ArrayList<>();
            if (profiling) {
                java.nio.file.Path recording = java.nio.file.Files.createTempFile("bench-host-", ".jfr");
                hostOptions.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
                System.out.println("  profile: the host's flight recording goes to " + recording
                        + " (jfr print --events jdk.ExecutionSample); table activity of both follows the load");
            }
            try (ChildHost host = ReferenceHost.start(ours, hostOptions)) {
                long started = System.nanoTime();
                oursPlan = new Plan(ledger(host, ours));
                System.out.printf("  host %s (log in %s); ledger of %d invoices built over REST in %.1f s%n", host.base(),
                        host.directory(), invoices, (System.nanoTime() - started) / 1e9);
                copyLedger(ours, baseline);
                ExecutorService clientThreads = Executors.newFixedThreadPool(2, daemon("bench-http"));
                try {
                    RestPayments rest = new RestPayments(host, oursPlan, "bench-" + UUID.randomUUID() + "-", clientThreads);
                    oursPhases = phases("ours", new PaymentLoad(rest, host::cpuNanos));
                    oursCheck = rest.replayed(50);
                } finally {
                    clientThreads.shutdownNow();
                }
            }
            if (profiling) {
                TableActivity.print(ours, "ours");
            }
            List<PaymentLoad.Phase> baselinePhases;
            Plan baselinePlan = new Plan(oursPlan.targets);
            try (JdbcPayments jdbc = new JdbcPayments(baseline, ReferenceHost.TENANT, baselinePlan, "base-",
                    FreshDatabase.POOL_SIZE)) {
                baselinePhases = phases("baseline", new PaymentLoad(jdbc, () -> 0L));
            }
            if (profiling) {
                TableActivity.print(baseline, "baseline");
            }
            String oursHeld = held(ours);
            String baselineHeld = held(baseline);
            List<String> problems = new ArrayList<>();
            check("ours", oursPhases, oursPlan, oursHeld, problems);
            check("baseline", baselinePhases, baselinePlan, baselineHeld, problems);
            if (!oursCheck.isEmpty()) {
                problems.add(oursCheck);
            }
            print(oursPhases, baselinePhases);
            System.out.println("  ours holds " + oursHeld + "; the baseline " + baselineHeld);
            String check = problems.isEmpty() ? "each payment booked once, counts and sums agree, no errors"
                    : "DIFFER: " + String.join("; ", problems);
            System.out.println("  check: " + check);
            List<Measurement> measurements = new ArrayList<>();
            for (int i = 0; i < oursPhases.size(); i++) {
                PaymentLoad.Phase our = oursPhases.get(i);
                PaymentLoad.Phase their = baselinePhases.get(i);
                measurements.add(new Measurement("payments " + our.name() + " (s per 1,000)", "PostgreSQL",
                        1000 / our.perSecond(), 1000 / their.perSecond(), check));
            }
            return measurements;
        }
    }

    /** A warm-up, then the phases: each concurrency for the phase's length, then the fixed rate. */
    private List<PaymentLoad.Phase> phases(String whose, PaymentLoad load) throws InterruptedException {
        load.atConcurrency("warm-up", 16, warmUpSeconds);
        List<PaymentLoad.Phase> phases = new ArrayList<>();
        for (int threads : CONCURRENCY) {
            phases.add(progress(whose, load.atConcurrency("c=" + threads, threads, seconds)));
        }
        phases.add(progress(whose, load.atRate(rate + "/s", rate, RATE_THREADS, seconds)));
        return phases;
    }

    private static PaymentLoad.Phase progress(String whose, PaymentLoad.Phase phase) {
        System.out.printf("  %s %s: %.0f/s, p50 %.1f ms, p99 %.1f ms, %d failed, client %.2f cores, server %.2f cores,"
                + " machine %.0f %% busy, load average %.2f%n", whose, phase.name(), phase.perSecond(),
                phase.percentileMillis(50), phase.percentileMillis(99), phase.failed(), phase.clientCores(),
                phase.serverCores(), phase.machineBusy() * 100, phase.loadAverage());
        return phase;
    }

    private static void print(List<PaymentLoad.Phase> ours, List<PaymentLoad.Phase> baseline) {
        System.out.println();
        System.out.println("| phase | ours /s | p50 ms | p95 ms | p99 ms | errors | client CPU | host CPU | machine busy"
                + " | load avg | baseline /s | p50 ms | p99 ms | errors | ratio (baseline/s ÷ ours/s) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < ours.size(); i++) {
            PaymentLoad.Phase our = ours.get(i);
            PaymentLoad.Phase their = baseline.get(i);
            System.out.printf("| %s | %.0f | %.1f | %.1f | %.1f | %d | %.2f cores | %.2f cores | %.0f %% | %.2f | %.0f | %.1f | %.1f"
                    + " | %d | %.2f |%n", our.name(), our.perSecond(), our.percentileMillis(50), our.percentileMillis(95),
                    our.percentileMillis(99), our.failed(), our.clientCores(), our.serverCores(), our.machineBusy() * 100,
                    our.loadAverage(), their.perSecond(), their.percentileMillis(50), their.percentileMillis(99),
                    their.failed(), their.perSecond() / our.perSecond());
        }
    }

    private static void check(String whose, List<PaymentLoad.Phase> phases, Plan plan, String held, List<String> problems) {
        long failed = phases.stream().mapToLong(PaymentLoad.Phase::failed).sum();
        if (failed > 0) {
            problems.add(whose + " had " + failed + " failed payments");
        }
        String expected = plan.expected();
        String wanted = expected + ", " + expected.replace("payments", "allocations") + ", "
                + expected.replace("payments", "journal entries") + ", " + expected.substring(expected.indexOf(", ") + 2)
                + " paid on invoices, " + plan.booked.get() + " distinct keys";
        if (!held.equals(wanted)) {
            problems.add(whose + " holds " + held + " but booked " + wanted);
        }
    }

    /** What a side's database holds, in the words of {@link #check}. */
    private static String held(FreshDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select"
                        + " (select count(*) from payment), (select coalesce(sum(amount), 0) from payment),"
                        + " (select count(*) from allocation where payment_id is not null),"
                        + " (select coalesce(sum(amount), 0) from allocation where payment_id is not null),"
                        + " (select count(*) from journal_entry where kind = 'PAYMENT_RECEIVED'),"
                        + " (select coalesce(sum(l.debit), 0) from journal_line l join journal_entry e"
                        + "    on e.tenant_id = l.tenant_id and e.id = l.entry_id"
                        + "    where e.kind = 'PAYMENT_RECEIVED' and l.account = 'CASH'),"
                        + " (select coalesce(sum(gross_amount - open_amount), 0) from invoice),"
                        + " (select count(distinct idempotency_key) from payment)")) {
            row.next();
            return row.getLong(1) + " payments, " + money(row, 2) + ", " + row.getLong(3) + " allocations, " + money(row, 4)
                    + ", " + row.getLong(5) + " journal entries, " + money(row, 6) + ", " + money(row, 7)
                    + " paid on invoices, " + row.getLong(8) + " distinct keys";
        }
    }

    private static BigDecimal money(ResultSet row, int column) throws SQLException {
        return row.getBigDecimal(column).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * Customers and one invoice each of {@link #invoices} (one line of 100,000.00 EUR, so that every payment leaves it
     * open) created over REST as a client would: the customers one by one, the invoices in one billing run.
     */
    private List<Target> ledger(ChildHost host, FreshDatabase database) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> customerIds = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            customerIds.add(id(send(client, host, "/api/v1/customers", "{\"name\":\"Bench Customer " + i
                    + "\",\"currency\":\"EUR\"}", 201)));
        }
        StringBuilder orders = new StringBuilder("{\"issueDate\":\"2026-03-05\",\"orders\":[");
        for (int i = 0; i < invoices; i++) {
            orders.append(i == 0 ? "" : ",").append("{\"orderId\":\"SO-PAY-").append(i).append("\",\"customerId\":\"")
                    .append(customerIds.get(i % customerIds.size())).append("\",\"currency\":\"EUR\",")
                    .append("\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"CUP\",\"quantity\":1,")
                    .append("\"unitPrice\":100000.00}]}");
        }
        String run = id(send(client, host, "/api/v1/billing-runs", orders.append("]}").toString(), 202));
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            HttpResponse<String> state = client.send(authorized(host, "/api/v1/billing-runs/" + run).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(state.body());
            if (status.find() && !status.group(1).equals("RUNNING")) {
                if (!status.group(1).equals("COMPLETED")) {
                    throw new IllegalStateException("the billing run ended " + state.body());
                }
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the billing run did not finish: " + state.body());
            }
            Thread.sleep(200);
        }
        List<Target> targets = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id, customer_id from invoice where status = 'ISSUED'"
                        + " and order_id like 'SO-PAY-%' order by order_id")) {
            while (rows.next()) {
                targets.add(new Target(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
            }
        }
        if (targets.size() != invoices) {
            throw new IllegalStateException("billed " + targets.size() + " invoices instead of " + invoices);
        }
        return targets;
    }

    /** The baseline starts from the same customers, invoices and installments, and a payment counter at zero. */
    private static void copyLedger(FreshDatabase from, FreshDatabase to) throws SQLException {
        to.migrate();
        String source = from.describe().substring("schema ".length());
        try (Connection connection = to.connect(); Statement statement = connection.createStatement()) {
            // both schemas come of the same migrations, column for column
            for (String table : List.of("customer_account", "invoice", "installment")) {
                statement.execute("insert into " + table + " select * from " + source + "." + table);
            }
            statement.execute("insert into payment_number_sequence (tenant_id, fiscal_year, last_number) values ('"
                    + ReferenceHost.TENANT + "', 2026, 0)");
            Jdbc.vacuumAnalyze(connection, "customer_account", "invoice", "installment");
        }
        try (Connection connection = from.connect()) {
            Jdbc.vacuumAnalyze(connection, "customer_account", "invoice", "installment");
        }
    }

    private static String send(HttpClient client, ChildHost host, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(authorized(host, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpRequest.Builder authorized(ChildHost host, String path) {
        return HttpRequest.newBuilder(URI.create(host.base() + path)).timeout(Duration.ofSeconds(60))
                .header("X-Tenant", ReferenceHost.TENANT).header("Authorization", "Bearer " + ReferenceHost.KEY);
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Ours: {@code POST /api/v1/payments}, one request per payment, each under its own idempotency key. */
    private static final class RestPayments implements PaymentLoad.Booking {

        private static final int ERRORS_SHOWN = 5;

        private final ChildHost host;
        private final Plan plan;
        private final String keyPrefix;
        private final HttpClient client;
        private final AtomicInteger errorsShown = new AtomicInteger();

        RestPayments(ChildHost host, Plan plan, String keyPrefix, ExecutorService clientThreads) {
            this.host = host;
            this.plan = plan;
            this.keyPrefix = keyPrefix;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        }

        @Override
        public boolean book(long sequence) throws IOException, InterruptedException {
            HttpResponse<String> response = send(sequence);
            if (response.statusCode() == 201) {
                plan.booked(sequence);
                return true;
            }
            if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
                System.err.println("payment " + sequence + " answered " + response.statusCode() + ": " + response.body());
            }
            return false;
        }

        private HttpResponse<String> send(long sequence) throws IOException, InterruptedException {
            Target target = plan.target(sequence);
            String amount = plan.amount(sequence).toPlainString();
            String body = "{\"customerId\":\"" + target.customer() + "\",\"method\":\"BANK_TRANSFER\",\"amount\":" + amount
                    + ",\"currency\":\"EUR\",\"valueDate\":\"" + plan.valueDate() + "\",\"allocateTo\":[{\"invoiceId\":\""
                    + target.invoice() + "\",\"amount\":" + amount + "}]}";
            return client.send(authorized(host, "/api/v1/payments").header("Content-Type", "application/json")
                    .header("Idempotency-Key", keyPrefix + sequence).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Sends the first {@code count} payments once more under their keys, as a client retrying would: each must
         * answer 201 with the payment booked before, and nothing new may be booked (the counts checked afterwards
         * include them). Empty when all did, else what went wrong.
         */
        String replayed(int count) throws IOException, InterruptedException {
            for (long sequence = 0; sequence < count; sequence++) {
                HttpResponse<String> response = send(sequence);
                if (response.statusCode() != 201) {
                    return "a replayed payment answered " + response.statusCode() + ": " + response.body();
                }
            }
            return "";
        }
    }
}
