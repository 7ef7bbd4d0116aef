package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditQuery;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.intent.IntentRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.api.people.CredentialRequest;
import receivables.api.people.Role;
import receivables.api.statement.StatementImport;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.report.internal.SqlCustomerStatements;
import receivables.impl.tenant.internal.StoredMachineCredentials;

/**
 * Every statement the ledger sends to PostgreSQL names its tenant for every tenant table it reads or writes: a
 * workload of customers, invoices, payments, credit notes, write-offs, exchange rates, credit checks, aging,
 * statements, a bank-statement import with its suspense queue and intents, machine credentials and the audit trail is
 * run, every statement that reaches the driver is recorded, and each reference to a table with a {@code tenant_id}
 * column must compare that table's {@code tenant_id} (or, for an insert, set it). So a tenant-sharded PostgreSQL
 * (Citus) routes each statement to one tenant's node. Statements that span tenants on purpose are listed in
 * {@link #ACROSS_TENANTS} with the reason.
 */
class TenantFilteredQueriesPostgresTest extends RecordedOnPostgres {

    static final TenantId TENANT = new TenantId("filtered");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** The start of statements that read every tenant's rows on purpose, and why. */
    static final Map<String, String> ACROSS_TENANTS = Map.of();

    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(from|join|update|into)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");
    private static final Set<String> NO_ALIAS = Set.of("where", "on", "set", "left", "right", "inner", "outer", "join",
            "cross", "full", "natural", "order", "group", "values", "select", "limit", "offset", "fetch", "using", "for",
            "returning", "union", "except", "intersect", "and", "or", "having", "window", "default", "as");


    @Test
    void everyStatementFiltersEveryTenantTableByTheTenant() {
        statements.clear();
        workload();
        List<String> withTenant = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select table_name from information_schema.columns where table_schema = current_schema() "
                        + "and column_name = 'tenant_id'", String.class).getResultList());
        Set<String> tenantTables = new TreeSet<>(withTenant);
        assertThat(tenantTables).hasSizeGreaterThan(30);

        Map<String, String> unfiltered = new TreeMap<>();
        Set<String> tablesSeen = new TreeSet<>();
        for (String sql : new TreeSet<>(statements.prepared())) {
            String text = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            if (!(text.startsWith("select") || text.startsWith("with") || text.startsWith("insert")
                    || text.startsWith("update") || text.startsWith("delete")) || acrossTenantsOnPurpose(text)) {
                continue;
            }
            List<String> missing = unfilteredTables(text, tenantTables, tablesSeen);
            if (!missing.isEmpty()) {
                unfiltered.put(sql, "no tenant condition on " + missing);
            }
        }
        assertThat(tablesSeen).as("the workload reaches most tables").hasSizeGreaterThan(20);
        assertThat(unfiltered).as("statements without a tenant condition").isEmpty();
    }

    /** The tenant tables {@code sql} refers to without comparing (or, inserting, setting) their tenant_id. */
    static List<String> unfilteredTables(String sql, Set<String> tenantTables, Set<String> seen) {
        List<String> missing = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(sql);
        while (reference.find()) {
            String table = reference.group(2);
            if (!tenantTables.contains(table)) {
                continue;
            }
            seen.add(table);
            String alias = reference.group(3) == null || NO_ALIAS.contains(reference.group(3)) ? null : reference.group(3);
            boolean filtered;
            if (reference.group(1).equals("into")) {
                int columns = sql.indexOf('(', reference.end() - (alias == null ? 0 : alias.length()));
                filtered = columns >= 0 && sql.substring(columns, Math.max(columns, sql.indexOf(')', columns)))
                        .matches("\\(.*\\btenant_id\\b.*");
            } else if (alias != null) {
                String qualified = Pattern.quote(alias) + "\\.tenant_id";
                filtered = Pattern.compile("\\b" + qualified + "\\s*(=|in\\s*\\()|=\\s*" + qualified + "\\b").matcher(sql).find();
            } else {
                filtered = Pattern.compile("(?<![.\\w])tenant_id\\s*(=|in\\s*\\()|=\\s*(?:\\w+\\.)?tenant_id\\b").matcher(sql)
                        .find();
            }
            if (!filtered) {
                missing.add(table + (alias == null ? "" : " " + alias));
            }
        }
        return missing;
    }

    private static boolean acrossTenantsOnPurpose(String sql) {
        return ACROSS_TENANTS.keySet().stream().anyMatch(sql::startsWith);
    }

    private void workload() {
        StoredPaymentIntents intents = TestImports.bankTransferIntents(database, payments, TENANT);
        BackgroundStatementImports imports = imports(intents, new TableStatistics(database));
        StoredSuspenseQueue queue = TestImports.queue(database, payments, intents);
        SqlCustomerStatements customerStatements = new SqlCustomerStatements(database);
        StoredMachineCredentials credentials = new StoredMachineCredentials(database);
        StoredAuditTrail trail = new StoredAuditTrail(database);

        CustomerAccount customer = customers.create(TENANT, CustomerRequest.of("C-1", "Filtered GmbH", null, null, "EUR"));
        customer = customers.update(TENANT, customer.id(), CustomerRequest.of("C-1", "Filtered AG", null, null, "EUR"),
                customer.version());
        customers.list(TENANT, "filtered", PageRequest.first());
        rates.enter(TENANT, List.of(new ExchangeRate("USD", DAY, new BigDecimal("0.9"))));
        List<Invoice> issued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder("SO-F-" + i, customer.id(), "EUR", DAY, null,
                    List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, BigDecimal.TEN))));
            issued.add(invoices.issue(TENANT, draft.id(), DAY));
        }
        invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first());
        credit.check(TENANT, customer.id(), Money.of("10.00", "EUR"));
        payments.record(TENANT, new PaymentRequest("filtered-1", customer.id(), "BANK_TRANSFER", Money.of("50.00", "EUR"),
                DAY, null, List.of()));
        creditNotes.issue(TENANT, issued.get(1).id(), new CreditNoteRequest(Money.of("10.00", "EUR"), "damaged", DAY));
        creditNotes.forInvoice(TENANT, issued.get(1).id());
        writeOffs.writeOffBadDebt(TENANT, issued.get(2).id(), "insolvent", DAY);
        aging.report(TENANT, DAY.plusMonths(2), List.of(30, 60, 90));
        customerStatements.statement(TENANT, customer.id(), "EUR", DAY.minusDays(1), DAY.plusMonths(1));
        customerStatements.openItems(TENANT, customer.id(), DAY.plusMonths(1));
        intents.create(TENANT, new IntentRequest("intent-1", issued.get(3).id(), "bank-transfer", null, null));
        intents.forInvoice(TENANT, issued.get(3).id());
        StatementImport imported = TestImports.ended(imports, TENANT, imports.start(TENANT, new ByteArrayInputStream(
                HotQueriesWithoutStatisticsPostgresTest.statement("F", List.of(issued.get(3)), 1)
                        .getBytes(StandardCharsets.UTF_8))));
        imports.statements(TENANT, imported.id(), PageRequest.first());
        queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().forEach(item -> queue.find(TENANT, item.id()));
        UUID credential = credentials.issue(TENANT, new CredentialRequest("ci", Set.of(Role.CLERK),
                Instant.parse("2030-01-01T00:00:00Z")), Actor.system("test")).credential().id();
        credentials.list(TENANT);
        credentials.revoke(TENANT, credential, Actor.system("test"));
        trail.find(TENANT, new AuditQuery("customer", customer.id().toString(), null, null, null), PageRequest.first());
        trail.verify(TENANT);
    }
}
