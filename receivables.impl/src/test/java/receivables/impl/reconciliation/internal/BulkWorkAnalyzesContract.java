package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.impl.billing.internal.BackgroundBillingRuns;
import receivables.impl.billing.internal.BillingNode;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Bulk work brings the planner's statistics up to date before it reports itself done: every table a billing run or
 * a statement import filled is analyzed, on a database whose autovacuum is off (as the test server's is). On H2 the
 * same analysis runs and succeeds.
 */
abstract class BulkWorkAnalyzesContract extends OnLedger {

    static final TenantId TENANT = new TenantId("bulk");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final int HANDFUL = 10;

    /** The tables of {@code grown} have statistics that count the rows they have now, where the database shows them. */
    abstract void assertAnalyzed(Set<String> grown);

    /** The schema's tables, in lower case, the migrations' own history left out. */
    abstract List<String> tables();

    @Test
    void aBillingRunAndAStatementImportAnalyzeEveryTableTheyFilled() throws Exception {
        Analyses analyses = new Analyses();
        UUID customer = customers.create(TENANT, CustomerRequest.of(null, "Bulk Buyer AG", null, null, "EUR")).id();
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orders.add(new SalesOrder("SO-BULK-" + i, customer, "EUR", ISSUED.minusDays(1), null,
                    List.of(new OrderLine("P", "part", BigDecimal.ONE, new BigDecimal("10.00"), null, null))));
        }

        Map<String, Long> beforeBilling = rowCounts();
        try (BillingNode node = BillingNode.start(database, invoices, analyses.recording(database),
                new TenantDirectory(), "billing-node")) {
            BackgroundBillingRuns runs = node.runs();
            BillingRun run = runs.start(TENANT, orders, ISSUED);
            assertThat(until(() -> runs.find(TENANT, run.id()).orElseThrow(), done -> done.status() != BillingRunStatus.RUNNING)
                    .status()).isEqualTo(BillingRunStatus.COMPLETED);
        }
        Set<String> billed = grownSince(beforeBilling);
        assertThat(billed).contains("invoice", "installment");
        assertThat(analyses.succeeded()).as("analyzed by the billing run").containsAll(billed);
        assertAnalyzed(billed);

        List<Invoice> issued = invoices.list(TENANT, InvoiceQuery.all(), new PageRequest(1, 40)).items();
        Map<String, Long> beforeImport = rowCounts();
        analyses.clear();
        try (ImportNode node = ImportNode.start(database, payments,
                TestImports.bankTransferIntents(database, payments, TENANT), analyses.recording(database), 80,
                BankStatementReaders.all())) {
            BackgroundStatementImports imports = node.imports();
            StatementImport started = imports.start(TENANT, new ByteArrayInputStream(statement(issued)
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(TestImports.ended(imports, TENANT, started).status()).isEqualTo(ImportStatus.COMPLETED);
        }
        Set<String> imported = grownSince(beforeImport);
        assertThat(imported).contains("bank_statement_line", "payment", "allocation", "suspense_item");
        assertThat(analyses.succeeded()).as("analyzed by the import").containsAll(imported);
        assertAnalyzed(imported);
    }

    /** A camt.053 paying {@code paid} by creditor reference, and as many lines from payers nobody knows. */
    private static String statement(List<Invoice> paid) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < paid.size(); i++) {
            entries.append(entry("BULK-P-" + i, paid.get(i).open().amount().toPlainString(), "Bulk Buyer AG",
                    CreditorReference.ofInvoiceNumber(paid.get(i).number()).orElseThrow().value()));
            entries.append(entry("BULK-U-" + i, "7.0" + i % 10, "Stranger " + i, null));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "camt.053.001.02\">\n<BkToCstmrStmt><GrpHdr><MsgId>M-BULK</MsgId></GrpHdr>\n<Stmt><Id>BULK</Id><Acct><Id>"
                + "<IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n" + entries + "</Stmt></BkToCstmrStmt>"
                + "</Document>\n";
    }

    private static String entry(String bankReference, String amount, String payer, String creditorReference) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>"
                + ISSUED.plusDays(10) + "</Dt></BookgDt><ValDt><Dt>" + ISSUED.plusDays(10) + "</Dt></ValDt><AcctSvcrRef>"
                + bankReference + "</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>" + payer
                + "</Nm></Dbtr></RltdPties><RmtInf><Ustrd>thanks</Ustrd>" + (creditorReference == null ? ""
                        : "<Strd><CdtrRefInf><Ref>" + creditorReference + "</Ref></CdtrRefInf></Strd>")
                + "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }

    /** Rows per table of the schema. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables()) {
            counts.put(table, database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                    "select count(*) from " + table, Object.class).getSingleResult()).longValue()));
        }
        return counts;
    }

    /** The tables that grew by more than a handful of rows: a run's own row and its year's counter are no bulk. */
    private Set<String> grownSince(Map<String, Long> before) {
        Set<String> grown = new HashSet<>();
        rowCounts().forEach((table, count) -> {
            if (count > before.getOrDefault(table, 0L) + HANDFUL) {
                grown.add(table);
            }
        });
        return grown;
    }

    private static <T> T until(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            T now = read.get();
            if (done.test(now)) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not done within 60 s");
    }

    /** The tables the bulk work had analyzed, and whether the analysis succeeded. */
    static final class Analyses {

        private final List<String> succeeded = new CopyOnWriteArrayList<>();

        TableStatistics recording(receivables.impl.persistence.internal.Database database) {
            return new TableStatistics(database) {
                @Override
                public boolean analyze(TenantId tenant, List<String> tables) {
                    boolean done = super.analyze(tenant, tables);
                    if (done) {
                        succeeded.addAll(tables);
                    }
                    return done;
                }
            };
        }

        List<String> succeeded() {
            return List.copyOf(succeeded);
        }

        void clear() {
            succeeded.clear();
        }
    }
}
