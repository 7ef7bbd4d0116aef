package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.intent.IntentRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentFilter;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.ReportDimension;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.persistence.internal.StatementRecorder.Executed;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.report.internal.SqlCashForecasts;
import receivables.impl.report.internal.SqlCustomerStatements;
import receivables.impl.report.internal.SqlProvisions;
import receivables.impl.report.internal.SqlReceivablesReports;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * The hot queries on a PostgreSQL schema whose tables were never analyzed, as on a server with autovacuum off, or
 * for a new tenant before autoanalyze comes round: customer statement and open items, the customer search, the
 * invoice list, the payment path (open installments oldest first, the invoice a payment names with its open
 * installments, the idempotency lookup), statement import
 * (duplicate lines, known payers, open invoices by number, by the payer's name and by amount), the suspense queue
 * and a bank transfer's intents. A ledger of realistic size is built through the services for one tenant and copied to nine neighbours,
 * then each operation is run and every query it sends is recorded with its parameters. Each is explained with
 * ANALYZE and BUFFERS on the tables as they are, never analyzed, and again after ANALYZE: without statistics no
 * query may touch more than three times the pages it touches with them, nor sort again inside a loop. Work is
 * compared, never time.
 */
class HotQueriesWithoutStatisticsPostgresTest extends RecordedOnPostgres {

    static final TenantId TENANT = new TenantId("hot");
    static final int NEIGHBOURS = 9;
    static final int CUSTOMERS = 100;
    static final int INVOICES = 2_000;
    static final int PAYMENTS = 300;
    static final int INTENTS = 40;
    static final int SUSPENDED_LINES = 120;
    static final LocalDate FIRST_ISSUE = LocalDate.of(2026, 1, 5);
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String ACCOUNT = "DE89370400440532013000";
    /** Pages a query may touch beyond three times its analyzed plan's: a tiny lookup's plans may differ by a page or two. */
    static final long SLACK = 12;
    static final List<String> COPIED = List.of("customer_account", "invoice", "invoice_line", "installment", "payment",
            "allocation", "journal_entry", "journal_line", "bank_statement_import", "bank_statement_line",
            "suspense_item", "suspense_candidate", "payment_intent", "intent_transition");

    private BackgroundStatementImports imports;

    @Test
    void everyHotQueryDoesAtMostThreeTimesTheWorkOnTablesNeverAnalyzed() {
        StoredPaymentIntents intents = TestImports.bankTransferIntents(database, payments, TENANT);
        // The import's ANALYZE at its end is left out: the tables stay as a server without autovacuum has them.
        imports = imports(intents, new TableStatistics(database) {
            @Override
            public boolean analyze(TenantId tenant, List<String> tables) {
                return false;
            }
        });
        StoredSuspenseQueue queue = TestImports.queue(database, payments, intents);
        SqlCustomerStatements customerStatements = new SqlCustomerStatements(database);

        List<UUID> customerIds = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customerIds.add(customers.create(TENANT, CustomerRequest.of(null, "Customer " + i + " GmbH", null, null, "EUR"))
                    .id());
        }
        issueInvoices(customerIds);
        for (int i = 0; i < PAYMENTS; i++) {
            payments.record(TENANT, new PaymentRequest("history-" + i, customerIds.get(i % CUSTOMERS), "BANK_TRANSFER",
                    Money.of("150.00", "EUR"), FIRST_ISSUE.plusDays(30 + i % 90), null, List.of()));
        }
        List<Invoice> open = invoices.list(TENANT, new InvoiceQuery(InvoiceStatus.ISSUED, null, null, null, null),
                new PageRequest(1, PageRequest.MAX_SIZE)).items();
        for (int i = 0; i < INTENTS; i++) {
            intents.create(TENANT, new IntentRequest("intent-" + i, open.get(i).id(), "bank-transfer", null, null));
        }
        assertThat(importAndWait(statement("HISTORY", open.subList(INTENTS, INTENTS + 100), SUSPENDED_LINES)).status())
                .isEqualTo(ImportStatus.COMPLETED);
        for (int neighbour = 1; neighbour <= NEIGHBOURS; neighbour++) {
            copyRows(TENANT, new TenantId("neighbour-" + neighbour));
        }
        UUID customer = customerIds.get(7);
        Invoice settledByTransfer = open.get(1);
        UUID suspended = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().get(3).id();

        Map<String, List<Executed>> hot = new LinkedHashMap<>();
        record(hot, "customer statement", () -> customerStatements.statement(TENANT, customer, "EUR",
                FIRST_ISSUE.plusMonths(2), AS_OF));
        record(hot, "open items", () -> customerStatements.openItems(TENANT, customer, AS_OF));
        record(hot, "customer search", () -> customers.list(TENANT, "customer 4", PageRequest.first()));
        record(hot, "customer list", () -> customers.list(TENANT, null, new PageRequest(2, 20)));
        record(hot, "invoice list", () -> invoices.listWithTotals(TENANT, InvoiceQuery.all(), PageRequest.first()));
        record(hot, "invoices of a customer", () -> invoices.listWithTotals(TENANT,
                new InvoiceQuery(null, customer, null, null, null), PageRequest.first()));
        record(hot, "overdue invoices", () -> invoices.listWithTotals(TENANT,
                new InvoiceQuery(null, null, AS_OF, null, "EUR"), PageRequest.first()));
        record(hot, "payment list", () -> payments.list(TENANT, PaymentFilter.all(), PageRequest.first()));
        record(hot, "payments of a customer", () -> payments.list(TENANT,
                new PaymentFilter(customer, null, null, null, null, null), PageRequest.first()));
        record(hot, "payment allocated oldest first", () -> payments.record(TENANT, new PaymentRequest("hot-1", customer,
                "BANK_TRANSFER", Money.of("500.00", "EUR"), AS_OF, null, List.of())));
        Invoice named = open.get(INTENTS + 150);
        record(hot, "payment to the invoice it names", () -> payments.record(TENANT, new PaymentRequest("hot-named",
                named.customerId(), "BANK_TRANSFER", Money.of("5.00", "EUR"), AS_OF, null,
                List.of(new AllocationTarget(named.id(), null, null)))));
        record(hot, "payment replayed by its idempotency key", () -> payments.record(TENANT, new PaymentRequest("hot-1",
                customer, "BANK_TRANSFER", Money.of("500.00", "EUR"), AS_OF, null, List.of())));
        record(hot, "statement import", () -> assertThat(importAndWait(statement("HOT", List.of(settledByTransfer,
                open.get(INTENTS + 200), open.get(INTENTS + 201)), 3)).matched()).isEqualTo(3));
        record(hot, "suspense queue", () -> queue.list(TENANT, SuspenseStatus.OPEN, new PageRequest(2, 20)));
        record(hot, "suspense item", () -> queue.find(TENANT, suspended));
        record(hot, "intents of an invoice", () -> intents.forInvoice(TENANT, settledByTransfer.id()));
        SqlReceivablesReports reports = new SqlReceivablesReports(database, new TenantDirectory());
        record(hot, "aging report", () -> new SqlAging(database).report(TENANT, AS_OF, List.of(30, 60, 90)));
        record(hot, "receivables by customer", () -> reports.receivables(TENANT, AS_OF, ReportDimension.CUSTOMER,
                List.of(30, 60, 90)));
        record(hot, "collections by salesperson", () -> reports.collections(TENANT, FIRST_ISSUE, AS_OF,
                ReportDimension.SALESPERSON));
        record(hot, "collection KPIs", () -> reports.kpis(TENANT, AS_OF, 3));
        record(hot, "cash forecast", () -> new SqlCashForecasts(database).forecast(TENANT, AS_OF));
        record(hot, "provision matrix", () -> new SqlProvisions(database, journal).matrix(TENANT, AS_OF, 3));

        List<String> tables = tables();
        assertThat(tables).as("never analyzed").allMatch(this::neverAnalyzed);
        Map<String, List<Plan>> without = explainAll(hot);
        database.inTransaction(TENANT, session -> session.createNativeMutationQuery("analyze " + String.join(", ", tables))
                .executeUpdate());
        Map<String, List<Plan>> with = explainAll(hot);

        List<String> report = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        without.forEach((operation, plans) -> {
            for (int i = 0; i < plans.size(); i++) {
                Plan before = plans.get(i);
                Plan after = with.get(operation).get(i);
                String line = operation + ": " + before.pages() + " pages without statistics, " + after.pages()
                        + " with; " + before.sql();
                report.add(line);
                if (before.pages() > 3 * after.pages() + SLACK || before.sortedInALoop()) {
                    degraded.add(line + "\nwithout statistics: " + before.json() + "\nwith: " + after.json());
                }
            }
        });
        assertThat(report).as("queries explained").hasSizeGreaterThan(hot.size());
        assertThat(hot.keySet()).allMatch(operation -> !without.get(operation).isEmpty(), "every operation queried");
        assertThat(degraded).as(String.join("\n", report)).isEmpty();
    }

    private void issueInvoices(List<UUID> customerIds) {
        for (int month = 0; month < 5; month++) {
            List<SalesOrder> orders = new ArrayList<>();
            for (int i = month * INVOICES / 5; i < (month + 1) * INVOICES / 5; i++) {
                orders.add(new SalesOrder("SO-HOT-" + i, customerIds.get(i % CUSTOMERS), "EUR",
                        FIRST_ISSUE.plusMonths(month).minusDays(1), null, List.of(new OrderLine("P", "part", BigDecimal.ONE,
                                new BigDecimal(100 + i % 50 + ".00"), null, null))));
            }
            invoices.invoiceAndIssue(TENANT, orders, FIRST_ISSUE.plusMonths(month));
        }
    }

    /**
     * A camt.053 paying {@code paid} by creditor reference, and {@code unknown} lines no invoice is open for, every
     * fourth from a customer by name (so that its invoices with the line's amount are looked up).
     */
    static String statement(String id, List<Invoice> paid, int unknown) {
        StringBuilder entries = new StringBuilder();
        int entry = 0;
        for (Invoice invoice : paid) {
            entries.append(entry(id + "-" + entry++, invoice.open().amount().toPlainString(), "Payer " + entry,
                    CreditorReference.ofInvoiceNumber(invoice.number()).orElseThrow().value()));
        }
        for (int i = 0; i < unknown; i++) {
            entries.append(entry(id + "-" + entry++, "13." + (10 + i % 89), i % 4 == 0 ? "CUSTOMER " + i % CUSTOMERS
                    + " GMBH" : "Stranger " + i, null));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "camt.053.001.02\">\n<BkToCstmrStmt><GrpHdr><MsgId>M-" + id + "</MsgId></GrpHdr>\n<Stmt><Id>" + id
                + "</Id><Acct><Id><IBAN>" + ACCOUNT + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n" + entries
                + "</Stmt></BkToCstmrStmt></Document>\n";
    }

    private static String entry(String bankReference, String amount, String payer, String creditorReference) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>" + AS_OF + "</Dt></BookgDt><ValDt><Dt>" + AS_OF + "</Dt></ValDt><AcctSvcrRef>"
                + bankReference + "</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>" + payer
                + "</Nm></Dbtr></RltdPties><RmtInf><Ustrd>thanks</Ustrd>"
                + (creditorReference == null ? "" : "<Strd><CdtrRefInf><Ref>" + creditorReference + "</Ref></CdtrRefInf></Strd>")
                + "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }

    private StatementImport importAndWait(String file) {
        return TestImports.ended(imports, TENANT,
                imports.start(TENANT, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
    }

    /** Copies the rows of {@code source} to {@code target} under the same ids, as a neighbour of the same size. */
    private void copyRows(TenantId source, TenantId target) {
        database.inTransaction(source, session -> {
            for (String table : COPIED) {
                List<String> columns = session.createNativeQuery("select column_name from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = :table order by ordinal_position",
                        String.class).setParameter("table", table).getResultList();
                String selected = columns.stream().map(column -> column.equals("tenant_id") ? ":target" : column)
                        .collect(Collectors.joining(", "));
                session.createNativeMutationQuery("insert into " + table + " (" + String.join(", ", columns) + ") select "
                                + selected + " from " + table + " where tenant_id = :source")
                        .setParameter("target", target.value()).setParameter("source", source.value()).executeUpdate();
            }
            return null;
        });
    }

    private void record(Map<String, List<Executed>> hot, String operation, Runnable run) {
        statements.clear();
        run.run();
        Map<String, Executed> distinct = new LinkedHashMap<>();
        statements.executed().stream().filter(executed -> query(executed.sql()))
                .forEach(executed -> distinct.putIfAbsent(executed.sql(), executed));
        hot.put(operation, List.copyOf(distinct.values()));
    }

    private static boolean query(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return (start.startsWith("select") || start.startsWith("with")) && !start.contains("pg_advisory")
                && !start.startsWith("select current_schema") && !start.contains("information_schema");
    }

    private List<String> tables() {
        return database.inTransaction(TENANT, session -> session.createNativeQuery("select tablename from pg_tables"
                + " where schemaname = current_schema() and tablename <> 'flyway_schema_history' order by tablename",
                String.class).getResultList());
    }

    /** PostgreSQL 14 and later keep -1 tuples for a table never vacuumed nor analyzed. */
    private boolean neverAnalyzed(String table) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select reltuples from pg_class where oid = to_regclass(:table)", Object.class)
                .setParameter("table", table).getSingleResult()).doubleValue() < 0);
    }

    private Map<String, List<Plan>> explainAll(Map<String, List<Executed>> hot) {
        Map<String, List<Plan>> plans = new LinkedHashMap<>();
        database.inTransaction(TENANT, session -> {
            session.doWork(connection -> hot.forEach((operation, queries) -> plans.put(operation,
                    queries.stream().map(executed -> explain(connection, executed)).toList())));
            return null;
        });
        return plans;
    }

    /** The query run as the application ran it, under EXPLAIN ANALYZE, and rolled back to where it was. */
    private static Plan explain(Connection connection, Executed executed) {
        try (Statement savepoint = connection.createStatement()) {
            savepoint.execute("savepoint explained");
            try (PreparedStatement statement = executed.prepare(connection,
                    "explain (analyze, buffers, format json) " + executed.sql());
                    ResultSet result = statement.executeQuery()) {
                result.next();
                JsonNode root = new ObjectMapper().readTree(result.getString(1)).get(0).get("Plan");
                return new Plan(executed.sql(), root);
            } finally {
                savepoint.execute("rollback to savepoint explained");
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("cannot explain " + executed.sql() + ": " + e.getMessage(), e);
        }
    }

    /** A plan as PostgreSQL ran it. */
    record Plan(String sql, JsonNode json) {

        /** Shared buffers the execution touched, from cache or disk, its nodes together. */
        long pages() {
            return json.path("Shared Hit Blocks").asLong() + json.path("Shared Read Blocks").asLong();
        }

        /** Whether a sort ran more than once: the re-sorting inside a nested loop that a plan without statistics made. */
        boolean sortedInALoop() {
            return sortedInALoop(json);
        }

        private static boolean sortedInALoop(JsonNode node) {
            if (node.path("Node Type").asText().contains("Sort") && node.path("Actual Loops").asLong() > 1) {
                return true;
            }
            for (JsonNode child : node.path("Plans")) {
                if (sortedInALoop(child)) {
                    return true;
                }
            }
            return false;
        }
    }
}
