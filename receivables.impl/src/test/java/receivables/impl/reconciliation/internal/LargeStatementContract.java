package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.TableStatistics;

/**
 * A statement of 5,000 entries imported in batches books exactly what the same statement books line by line (a
 * batch of one line, each its own transaction): the same lines with the same outcomes, payments, allocations,
 * journal entries, suspense items and candidates, invoices left open, and audit records. The entries name
 * invoices by creditor reference and by number, pay open amounts from known and unknown payers, pay some
 * invoices several times within a batch, overpay, repeat earlier entries and earn early-payment discounts (a
 * batch whose discount matching could not foresee is imported again line by line).
 */
abstract class LargeStatementContract extends OnLedger {

    static final TenantId BATCHED = new TenantId("batched");
    static final TenantId ONE_BY_ONE = new TenantId("one-by-one");
    static final LocalDate ISSUED = StatementImportContract.ISSUED;
    static final int ENTRIES = 5_000;
    static final int INVOICES = 300;
    static final int CUSTOMERS = 30;

    @Test
    void aLargeStatementBooksInBatchesWhatItBooksLineByLine() throws InterruptedException {
        List<Issued> issued = issue(BATCHED);
        assertThat(issue(ONE_BY_ONE)).isEqualTo(issued);
        byte[] file = statement(issued).getBytes(StandardCharsets.UTF_8);

        StatementImport batched = importWith(BATCHED, BackgroundStatementImports.BATCH_SIZE, file);
        StatementImport oneByOne = importWith(ONE_BY_ONE, 1, file);

        assertThat(batched.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(counts(batched)).isEqualTo(counts(oneByOne));
        assertThat(batched.linesRead()).isEqualTo(ENTRIES);
        assertThat(batched.matched()).isGreaterThan(500);
        assertThat(batched.suspended()).isGreaterThan(500);
        assertThat(batched.duplicates()).isGreaterThan(100);
        for (String query : COMPARED) {
            List<String> rows = rows(BATCHED, query);
            assertThat(rows).as(query).isNotEmpty().containsExactlyElementsOf(rows(ONE_BY_ONE, query));
        }
        assertThat(rows(BATCHED, "select w.kind from write_off w where w.tenant_id = :tenant"))
                .as("early-payment discounts earned").contains("CASH_DISCOUNT");
    }

    /** What both imports leave, row by row, in an order that does not depend on ids or time. */
    private static final List<String> COMPARED = List.of(
            "select l.bank_reference, l.sequence_number, l.outcome, l.confidence, c.name, p.payment_number, p.amount,"
                    + " p.unallocated_amount, p.value_date, p.payer_reference from bank_statement_line l"
                    + " left join customer_account c on c.tenant_id = l.tenant_id and c.id = l.customer_id"
                    + " left join payment p on p.tenant_id = l.tenant_id and p.id = l.payment_id"
                    + " where l.tenant_id = :tenant",
            "select p.payment_number, i.invoice_number, s.sequence_number, a.amount, a.value_date from allocation a"
                    + " join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id"
                    + " join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id"
                    + " join installment s on s.tenant_id = a.tenant_id and s.id = a.installment_id"
                    + " where a.tenant_id = :tenant",
            "select e.kind, e.reference, e.entry_date, l.line_number, l.account, l.debit, l.credit from journal_entry e"
                    + " join journal_line l on l.tenant_id = e.tenant_id and l.entry_id = e.id where e.tenant_id = :tenant",
            "select l.bank_reference, i.status, c.rank_number, c.invoice_number, a.name, c.confidence, c.reason"
                    + " from suspense_item i join bank_statement_line l on l.tenant_id = i.tenant_id and l.id = i.line_id"
                    + " left join suspense_candidate c on c.tenant_id = i.tenant_id and c.suspense_id = i.id"
                    + " left join customer_account a on a.tenant_id = c.tenant_id and a.id = c.customer_id"
                    + " where i.tenant_id = :tenant",
            "select invoice_number, status, open_amount from invoice where tenant_id = :tenant",
            "select i.invoice_number, s.sequence_number, s.open_amount from installment s"
                    + " join invoice i on i.tenant_id = s.tenant_id and i.id = s.invoice_id where s.tenant_id = :tenant",
            "select w.kind, i.invoice_number, w.amount from write_off w"
                    + " join invoice i on i.tenant_id = w.tenant_id and i.id = w.invoice_id where w.tenant_id = :tenant",
            "select entity_type, operation, count(*) from audit_record where tenant_id = :tenant"
                    + " group by entity_type, operation");

    private StatementImport importWith(TenantId tenant, int batchSize, byte[] file) throws InterruptedException {
        StoredPaymentIntents intents = TestImports.bankTransferIntents(database, payments, tenant);
        try (ImportNode node = ImportNode.start(database, payments, intents, new TableStatistics(database),
                ReconciliationConfiguration.DEFAULT_MATCH_THRESHOLD, BankStatementReaders.all(), batchSize)) {
            return TestImports.ended(node.imports(), tenant, node.imports().start(tenant, new ByteArrayInputStream(file)));
        }
    }

    /** An issued invoice as the statement names it. */
    private record Issued(String number, String customer, BigDecimal open) {
    }

    /**
     * The same customers and invoices in {@code tenant} as in any other: amounts that repeat (several invoices
     * with one open amount), one invoice in ten with an early-payment discount, one in ten in two installments.
     */
    private List<Issued> issue(TenantId tenant) {
        terms.define(tenant, "SKONTO-HALVES", "3 % within 14 days, half after 30 and half after 60 days",
                "3%/14 50%@30 50%@60");
        terms.define(tenant, "HALVES", "half after 30 and half after 60 days", "50%@30 50%@60");
        List<UUID> accounts = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            accounts.add(customers.create(tenant, CustomerRequest.of(null, "Customer " + c + " GmbH", null, null, "EUR"))
                    .id());
        }
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            String terms = i % 10 == 0 ? "SKONTO-HALVES" : i % 10 == 1 ? "HALVES" : null;
            BigDecimal net = new BigDecimal(50 + (i * 37) % 400).add(new BigDecimal(i % 3 == 0 ? "0.50" : "0.00"));
            orders.add(new SalesOrder("SO-" + i, accounts.get(i % CUSTOMERS), "EUR", ISSUED, terms,
                    List.of(new OrderLine("ITEM", null, BigDecimal.ONE, net, null, null))));
        }
        invoices.invoiceAndIssue(tenant, orders, ISSUED);
        return database.inTransaction(tenant, session -> session.createNativeQuery("select i.invoice_number, c.name,"
                        + " i.open_amount from invoice i join customer_account c on c.tenant_id = i.tenant_id"
                        + " and c.id = i.customer_id where i.tenant_id = :tenant order by i.invoice_number", Object[].class)
                .setParameter("tenant", tenant.value()).getResultStream()
                .map(row -> new Issued((String) row[0], (String) row[1], ((BigDecimal) row[2]).setScale(2)))
                .toList());
    }

    /** {@value #ENTRIES} entries drawn with a fixed seed from the kinds a bank statement brings. */
    private static String statement(List<Issued> issued) {
        Random random = new Random(15);
        StringBuilder entries = new StringBuilder();
        List<String> written = new ArrayList<>();
        for (int n = 0; n < ENTRIES; n++) {
            Issued invoice = issued.get(random.nextInt(issued.size()));
            String reference = "NTRY-" + n;
            // one entry in twenty is valued inside the discount window
            LocalDate day = random.nextInt(20) == 0 ? ISSUED.plusDays(5) : ISSUED.plusDays(20);
            String part = BigDecimal.valueOf(100 + random.nextInt(4_900), 2).toPlainString();
            String whole = invoice.open().toPlainString();
            int kind = random.nextInt(100);
            String entry;
            if (kind < 25) {
                entry = StatementImportContract.entry(reference, random.nextInt(3) == 0 ? whole : part, "CRDT",
                        invoice.customer(), null, CreditorReference.ofInvoiceNumber(invoice.number()).orElseThrow()
                                .value(), day);
            } else if (kind < 45) {
                entry = StatementImportContract.entry(reference, random.nextInt(3) == 0 ? whole : part, "CRDT",
                        invoice.customer(), "Invoice " + invoice.number().replace("-", " ") + " thanks", null, day);
            } else if (kind < 58) {
                entry = StatementImportContract.entry(reference, whole, "CRDT", invoice.customer().toUpperCase(),
                        "March", null, day);
            } else if (kind < 68) {
                entry = StatementImportContract.entry(reference, whole, "CRDT", "Someone Else", "rent", null, day);
            } else if (kind < 80) {
                entry = StatementImportContract.entry(reference, part, "CRDT", "Unknown Person " + n, "gift", null, day);
            } else if (kind < 88) {
                entry = StatementImportContract.entry(reference, part, "DBIT", "Bank", "fees", null, day);
            } else if (written.isEmpty()) {
                entry = StatementImportContract.entry(reference, part, "CRDT", "Nobody", null, null, day);
            } else {
                // the bank reports a movement again: the same entry, which is a duplicate
                entry = written.get(random.nextInt(written.size()));
            }
            written.add(entry);
            entries.append(entry);
        }
        return StatementImportContract.camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-LARGE", entries.toString());
    }

    private static List<Long> counts(StatementImport done) {
        return List.of(done.linesRead(), done.matched(), done.suspended(), done.skipped(), done.duplicates(),
                done.rejected(), done.announced());
    }

    /** The rows of {@code query} in {@code tenant}, each as one text, sorted. */
    private List<String> rows(TenantId tenant, String query) {
        return database.inTransaction(tenant, session -> session.createNativeQuery(query, Object[].class)
                .setParameter("tenant", tenant.value()).getResultStream()
                .map(row -> Stream.of(row).map(String::valueOf).collect(Collectors.joining("|")))
                .sorted().toList());
    }
}
