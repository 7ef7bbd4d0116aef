package receivables.impl.reconciliation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import jakarta.persistence.Tuple;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.Direction;
import receivables.api.statement.StatementLine;
import receivables.impl.customer.internal.PayerNames;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;

/**
 * The open invoices a batch of statement lines can match, indexed the ways matching looks for them: by the letters
 * and digits of their number (which is also their creditor reference's payload), by what is open, and their customers
 * by name. Looked up per batch ({@link #forLines}), by the keys the lines carry, so that it holds the batch's
 * candidates, never all of a tenant's open invoices; it follows the allocations the batch's matching foresees.
 * Allocations made by others meanwhile are found when a payment is recorded, for recording allocates against the
 * invoices as they are then.
 */
final class OpenInvoices {

    /** The invoices that can be paid, as their status says. */
    static final List<String> OPEN_STATUSES = List.of("ISSUED", "PARTIALLY_PAID");
    /**
     * Invoices of one open amount fetched, of anyone and of each payer: matching books one only when it is the only
     * one, proposes at most {@value LineMatching#MAX_CANDIDATES} and otherwise needs only how many there are. Some to
     * spare, for the batch's own payments take those they pay out of the held ones; a batch that pays more of one
     * amount than are spare proposes fewer of the rest to a clerk, never books otherwise.
     */
    static final int SAME_AMOUNT_FETCHED = 20;
    /** Values in one {@code in} list, well below what either database takes. */
    private static final int PER_QUERY = 1000;
    private static final String COLUMNS = "i.id, i.invoice_number, i.customer_id, i.currency, i.open_amount";

    /**
     * The order invoices of one open amount are proposed in: their numbers', as the look-up fetches them, so that the
     * first of them are the first of all the tenant's.
     */
    private static final Comparator<OpenInvoice> NUMBER_ORDER = Comparator.comparing(OpenInvoice::number,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, OpenInvoice> byReference = new HashMap<>();
    private final Set<String> ambiguousReferences = new HashSet<>();
    private final Map<Money, List<OpenInvoice>> byOpenAmount = new HashMap<>();
    private final Map<Money, Integer> notHeld = new HashMap<>();
    private final Map<CustomersAmount, Integer> notHeldOfCustomer = new HashMap<>();
    private final Map<String, Set<UUID>> customersByName = new HashMap<>();
    private final Map<UUID, Integer> openInvoicesOf = new HashMap<>();
    private final Map<UUID, OpenInvoice> byId = new HashMap<>();

    /**
     * The open invoices the credit lines among {@code lines} can match, as the database has them now: those whose
     * number a line's creditor reference or text names (all of them, so that two numbers alike are told apart), and
     * up to {@value #SAME_AMOUNT_FETCHED} with a line's amount open, of anyone and of each customer a payer is (by
     * {@code ibanPayers}, or by name), with how many there are of each.
     */
    static OpenInvoices forLines(Session session, TenantId tenant, List<StatementLine> lines, Set<UUID> ibanPayers) {
        OpenInvoices open = new OpenInvoices();
        List<StatementLine> credits = lines.stream()
                .filter(line -> line.direction() == Direction.CREDIT && !line.reversal()).toList();
        if (credits.isEmpty()) {
            return open;
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<Money> amounts = new LinkedHashSet<>();
        for (StatementLine line : credits) {
            LineMatching.creditorReferences(line).forEach(reference -> keys.add(reference.payload()));
            keys.addAll(LineMatching.numberCandidates(line));
            String name = PayerNames.canonical(line.counterpartyName());
            if (!name.isEmpty()) {
                names.add(name);
            }
            amounts.add(line.amount());
        }
        // whatever their status: a number names one invoice or a few, and without statistics PostgreSQL took an
        // index on the status for a condition on it, reading all of the tenant's open invoices
        inChunks(keys, chunk -> NativeRow.list(session.createNativeQuery("select " + COLUMNS + ", i.status"
                        + " from invoice i where i.tenant_id = :tenant and i.number_key in (:keys)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("keys", chunk))
                .stream().filter(row -> OPEN_STATUSES.contains(row.text("status")))
                .map(OpenInvoices::invoice).filter(invoice -> invoice.open().isPositive())
                .forEach(open::add));
        Set<UUID> payers = new LinkedHashSet<>(ibanPayers);
        Map<UUID, String> named = new HashMap<>();
        inChunks(names, chunk -> NativeRow.list(session.createNativeQuery("select c.id, c.name from customer_account c"
                        + " where c.tenant_id = :tenant and c.name_key in (:names)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("names", chunk))
                .forEach(row -> named.put(row.uuid("id"), row.text("name"))));
        payers.addAll(named.keySet());
        Map<CustomersAmount, Integer> ofPayer = new HashMap<>();
        inChunks(payers, customers -> inChunks(amounts, chunk -> sameAmount(session, tenant, chunk, customers)
                .forEach(row -> {
                    open.add(invoice(row));
                    ofPayer.put(new CustomersAmount(row.uuid("customer_id"), row.money("currency", "open_amount")),
                            (int) row.number("same"));
                })));
        Map<Money, Integer> ofAnyone = new HashMap<>();
        inChunks(amounts, chunk -> sameAmount(session, tenant, chunk, null).forEach(row -> {
            open.add(invoice(row));
            ofAnyone.put(row.money("currency", "open_amount"), (int) row.number("same"));
        }));
        ofPayer.forEach((group, count) -> open.notHeldOfCustomer.put(group, Math.max(0, count - (int) open
                .withOpenAmount(group.amount()).stream().filter(i -> i.customerId().equals(group.customer())).count())));
        ofAnyone.forEach((amount, count) -> open.notHeld.put(amount,
                Math.max(0, count - open.withOpenAmount(amount).size())));
        open.nameCustomers(session, tenant, named);
        return open;
    }

    /**
     * Names the customers that have an open invoice, with how many the batch could still pay: as many as it holds of
     * theirs, or, when they have one it does not hold, more than it could ever pay. Asking whether there is one more
     * spares counting all of a customer's open invoices for every batch.
     */
    private void nameCustomers(Session session, TenantId tenant, Map<UUID, String> named) {
        Map<UUID, Integer> held = new HashMap<>();
        List<UUID> heldIds = new ArrayList<>();
        byId.values().stream().filter(invoice -> named.containsKey(invoice.customerId())).forEach(invoice -> {
            held.merge(invoice.customerId(), 1, Integer::sum);
            heldIds.add(invoice.id());
        });
        Set<UUID> withMore = new HashSet<>();
        inChunks(named.keySet(), chunk -> {
            NativeQuery<Object> query = session.createNativeQuery("select c.id from customer_account c"
                            + " where c.tenant_id = :tenant and c.id in (:customers) and exists (select 1 from invoice i"
                            + " where i.tenant_id = c.tenant_id and i.customer_id = c.id"
                            + " and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.open_amount > 0"
                            + (heldIds.isEmpty() ? "" : " and i.id not in (:held)") + ")", Object.class)
                    .setParameter("tenant", tenant.value()).setParameterList("customers", chunk);
            if (!heldIds.isEmpty()) {
                query.setParameterList("held", heldIds);
            }
            query.getResultStream().map(NativeValues::uuid).forEach(withMore::add);
        });
        named.forEach((customer, name) -> customerNamed(customer, name,
                withMore.contains(customer) ? Integer.MAX_VALUE : held.getOrDefault(customer, 0)));
    }

    /**
     * The first {@value #SAME_AMOUNT_FETCHED} open invoices, by number, with each of {@code amounts} open, of each of
     * {@code customers} or, when {@code null}, of anyone, each with how many there are ({@code same}). The amounts are
     * a list of values the planner sees, looked up by {@code invoice_open_amount_ix}; the currency and whether an
     * invoice is open are told after that look-up, and invoices of an amount in a currency no line has are left out
     * here. Joined to the amounts as a list of rows, PostgreSQL could not tell from its statistics how many invoices
     * each amount names: where most invoices have one amount open, it read all of the tenant's invoices for every batch
     * and hashed them against the amounts (50 ms a batch at 100,000 open invoices). Without statistics, given the
     * currency, it walked all of the tenant's invoices in that currency; otherwise it walked the index in the order of
     * the amounts, to spare itself a sort, or took the index on the status.
     */
    private static List<NativeRow> sameAmount(Session session, TenantId tenant, List<Money> amounts,
            List<UUID> customers) {
        String group = "partition by " + (customers == null ? "" : "i.customer_id, ") + "i.currency, i.open_amount";
        NativeQuery<Tuple> query = session.createNativeQuery("select id, invoice_number, customer_id, currency,"
                        + " open_amount, same from (select i.id, i.invoice_number, i.customer_id, i.currency,"
                        + " i.open_amount, count(*) over (" + group + ") as same, row_number() over (" + group
                        + " order by i.invoice_number, i.id) as place from invoice i where i.tenant_id = :tenant"
                        + " and i.open_amount in (:amounts)" + (customers == null ? "" : " and i.customer_id in (:customers)")
                        + " and case when i.status in ('ISSUED', 'PARTIALLY_PAID') and i.open_amount > 0 then 1 else 0"
                        + " end = 1) ranked where place <= :fetched order by invoice_number", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("fetched", SAME_AMOUNT_FETCHED)
                .setParameterList("amounts", amounts.stream().map(Money::amount).distinct().toList());
        if (customers != null) {
            query.setParameterList("customers", customers);
        }
        Set<Money> wanted = Set.copyOf(amounts);
        return NativeRow.list(query).stream().filter(row -> wanted.contains(row.money("currency", "open_amount")))
                .toList();
    }

    /** A customer's invoices with one amount open. */
    private record CustomersAmount(UUID customer, Money amount) {
    }

    private static OpenInvoice invoice(NativeRow row) {
        return new OpenInvoice(row.uuid("id"), row.text("invoice_number"), row.uuid("customer_id"),
                row.money("currency", "open_amount"));
    }

    private static <T> void inChunks(Collection<T> values, Consumer<List<T>> action) {
        List<T> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            action.accept(all.subList(from, Math.min(all.size(), from + PER_QUERY)));
        }
    }

    /** Holds {@code invoice}, once, however many look-ups found it. */
    void add(OpenInvoice invoice) {
        if (byId.putIfAbsent(invoice.id(), invoice) != null) {
            return;
        }
        String reference = CreditorReference.lettersAndDigits(invoice.number());
        if (!ambiguousReferences.contains(reference) && byReference.putIfAbsent(reference, invoice) != null) {
            // two numbers that differ only in separators: neither can be told from the other by reference
            byReference.remove(reference);
            ambiguousReferences.add(reference);
        }
        withAmount(invoice);
    }

    /** Files the invoice under its open amount, in the order of the numbers. */
    private void withAmount(OpenInvoice invoice) {
        List<OpenInvoice> same = byOpenAmount.computeIfAbsent(invoice.open(), amount -> new ArrayList<>(1));
        int at = Collections.binarySearch(same, invoice, NUMBER_ORDER);
        same.add(at < 0 ? -at - 1 : at, invoice);
    }

    /** The customer, who has {@code openInvoices} open invoices (none: not named at all), is named {@code name}. */
    void customerNamed(UUID customer, String name, int openInvoices) {
        String canonical = PayerNames.canonical(name);
        if (!canonical.isEmpty() && openInvoices > 0) {
            customersByName.computeIfAbsent(canonical, n -> new HashSet<>(1)).add(customer);
            openInvoicesOf.put(customer, openInvoices);
        }
    }

    /** How many invoices are held: the batch's candidates. */
    int size() {
        return byId.size();
    }

    /** The invoice whose number has exactly these letters and digits (upper case). */
    Optional<OpenInvoice> byReference(String lettersAndDigits) {
        return Optional.ofNullable(byReference.get(lettersAndDigits));
    }

    /**
     * The invoices held with {@code amount} open, by number; {@link #countWithOpenAmount} tells how many there are in
     * all.
     */
    List<OpenInvoice> withOpenAmount(Money amount) {
        return byOpenAmount.getOrDefault(amount, List.of());
    }

    /** How many invoices have {@code amount} open: those held and those not fetched. */
    int countWithOpenAmount(Money amount) {
        return withOpenAmount(amount).size() + notHeld.getOrDefault(amount, 0);
    }

    /** How many of the customer's invoices with {@code amount} open were not fetched. */
    int notHeldOf(UUID customer, Money amount) {
        return notHeldOfCustomer.getOrDefault(new CustomersAmount(customer, amount), 0);
    }

    /** Customers with an open invoice whose name is the payer's: one whose last the batch pays is no longer. */
    Set<UUID> customersNamed(String payerName) {
        String name = PayerNames.canonical(payerName);
        Set<UUID> named = name.isEmpty() ? Set.of() : customersByName.getOrDefault(name, Set.of());
        return named.stream().filter(customer -> openInvoicesOf.getOrDefault(customer, 0) > 0)
                .collect(Collectors.toSet());
    }

    /**
     * Foresees what a payment of {@code amount} to {@code invoices} allocates, as booking does: each invoice in
     * turn takes what it has open, while the payment lasts; follows those allocations and returns them.
     */
    Map<UUID, Money> pay(List<OpenInvoice> invoices, Money amount) {
        Map<UUID, Money> taken = new HashMap<>();
        Money left = amount;
        for (OpenInvoice named : invoices) {
            OpenInvoice invoice = byId.get(named.id());
            if (invoice == null || !left.isPositive()) {
                continue;
            }
            Money share = invoice.open().min(left);
            taken.put(invoice.id(), share);
            allocated(invoice.id(), share);
            left = left.minus(share);
        }
        return taken;
    }

    /** What the invoice has open as far as this index knows: nothing when it holds no such invoice. */
    Money openOf(UUID invoiceId, String currency) {
        OpenInvoice invoice = byId.get(invoiceId);
        return invoice == null ? Money.zero(currency) : invoice.open();
    }

    /** {@code amount} of the invoice was allocated: less is open, and nothing once it is paid. */
    void allocated(UUID invoiceId, Money amount) {
        OpenInvoice before = byId.remove(invoiceId);
        if (before == null) {
            return;
        }
        List<OpenInvoice> sameAmount = byOpenAmount.get(before.open());
        sameAmount.remove(before);
        if (sameAmount.isEmpty()) {
            byOpenAmount.remove(before.open());
        }
        String reference = CreditorReference.lettersAndDigits(before.number());
        Money open = before.open().minus(amount);
        if (open.isPositive()) {
            OpenInvoice after = new OpenInvoice(before.id(), before.number(), before.customerId(), open);
            byId.put(after.id(), after);
            withAmount(after);
            byReference.computeIfPresent(reference, (r, invoice) -> after);
        } else {
            byReference.remove(reference);
            openInvoicesOf.computeIfPresent(before.customerId(), (customer, count) -> count - 1);
        }
    }
}
