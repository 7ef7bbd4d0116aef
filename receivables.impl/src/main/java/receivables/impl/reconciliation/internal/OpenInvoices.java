package receivables.impl.reconciliation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.Tuple;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.statement.CreditorReference;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.WholeTenantReads;

/**
 * The tenant's open invoices, indexed the ways matching looks for them: by the letters and digits of their
 * number (which is also their creditor reference's payload), by what is open, and their customers by name.
 * Taken once per import; it holds a few hundred bytes per open invoice, whatever the size of the file, and
 * follows the allocations the import makes. Allocations made by others meanwhile are found when a payment is
 * recorded, for recording allocates against the invoices as they are then.
 */
final class OpenInvoices {

    /** The invoices that can be paid, as their status says. */
    static final List<String> OPEN_STATUSES = List.of("ISSUED", "PARTIALLY_PAID");

    private final Map<String, OpenInvoice> byReference = new HashMap<>();
    private final Set<String> ambiguousReferences = new HashSet<>();
    private final Map<Money, List<OpenInvoice>> byOpenAmount = new HashMap<>();
    private final Map<String, Set<UUID>> customersByName = new HashMap<>();
    private final Map<UUID, OpenInvoice> byId = new HashMap<>();

    static OpenInvoices load(Session session, TenantId tenant) {
        OpenInvoices invoices = new OpenInvoices();
        WholeTenantReads.hashed(session);
        NativeRow.stream(session.createNativeQuery("select i.id, i.invoice_number, i.customer_id, c.name,"
                        + " i.currency, i.open_amount from invoice i"
                        + " join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_id"
                        + " where i.tenant_id = :tenant and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.open_amount > 0",
                        Tuple.class)
                .setParameter("tenant", tenant.value())
                .setFetchSize(1000))
                .forEach(row -> invoices.add(new OpenInvoice(row.uuid("id"), row.text("invoice_number"),
                        row.uuid("customer_id"), row.text("name"), row.money("currency", "open_amount"))));
        return invoices;
    }

    void add(OpenInvoice invoice) {
        byId.put(invoice.id(), invoice);
        String reference = CreditorReference.lettersAndDigits(invoice.number());
        if (!ambiguousReferences.contains(reference) && byReference.putIfAbsent(reference, invoice) != null) {
            // two numbers that differ only in separators: neither can be told from the other by reference
            byReference.remove(reference);
            ambiguousReferences.add(reference);
        }
        byOpenAmount.computeIfAbsent(invoice.open(), amount -> new ArrayList<>(1)).add(invoice);
        String name = PayerNames.canonical(invoice.customerName());
        if (!name.isEmpty()) {
            customersByName.computeIfAbsent(name, n -> new HashSet<>(1)).add(invoice.customerId());
        }
    }

    /** The invoice whose number has exactly these letters and digits (upper case). */
    Optional<OpenInvoice> byReference(String lettersAndDigits) {
        return Optional.ofNullable(byReference.get(lettersAndDigits));
    }

    List<OpenInvoice> withOpenAmount(Money amount) {
        return byOpenAmount.getOrDefault(amount, List.of());
    }

    /** Customers with an open invoice whose name is the payer's. */
    Set<UUID> customersNamed(String payerName) {
        String name = PayerNames.canonical(payerName);
        return name.isEmpty() ? Set.of() : customersByName.getOrDefault(name, Set.of());
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

    /** Booking left {@code open} of the invoice: the index follows it down, never up. */
    void leftOpen(UUID invoiceId, Money open) {
        OpenInvoice invoice = byId.get(invoiceId);
        if (invoice != null && invoice.open().compareTo(open) > 0) {
            allocated(invoiceId, invoice.open().minus(open));
        }
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
            OpenInvoice after = new OpenInvoice(before.id(), before.number(), before.customerId(), before.customerName(), open);
            byId.put(after.id(), after);
            byOpenAmount.computeIfAbsent(open, a -> new ArrayList<>(1)).add(after);
            byReference.computeIfPresent(reference, (r, invoice) -> after);
        } else {
            byReference.remove(reference);
        }
    }
}
