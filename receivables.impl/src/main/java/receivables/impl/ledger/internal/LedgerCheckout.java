package receivables.impl.ledger.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.invoice.Checkout;
import receivables.api.invoice.CheckoutRequest;
import receivables.api.invoice.ImmediatePayment;
import receivables.api.invoice.Receipt;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.impl.persistence.internal.Database;

/**
 * Checkout as one transaction over the invoice and payment services' own steps, idempotent per order; the
 * host hears of the invoice and the payment only once both are committed.
 */
@Component(service = Checkout.class)
public class LedgerCheckout implements Checkout {

    private final Database database;
    private final StoredInvoices invoices;
    private final StoredPayments payments;

    @Activate
    public LedgerCheckout(@Reference Database database, @Reference StoredInvoices invoices,
            @Reference StoredPayments payments) {
        this.database = database;
        this.invoices = invoices;
        this.payments = payments;
    }

    /** The receipt of the same checkout done before: the order invoiced and issued, and the payment recorded. */
    private Optional<Receipt> earlier(Session session, CheckoutRequest request) {
        return invoices.issuedFor(session, request.order()).flatMap(invoiceId -> {
            Optional<Payment> payment = request.payment() == null ? Optional.empty()
                    : payments.earlier(session, payment(request, invoiceId));
            return request.payment() != null && payment.isEmpty() ? Optional.empty()
                    : Optional.of(new Receipt(invoices.read(session, invoiceId), payment.orElse(null)));
        });
    }

    private static PaymentRequest payment(CheckoutRequest request, UUID invoiceId) {
        ImmediatePayment taken = request.payment();
        return new PaymentRequest(taken.idempotencyKey(), request.order().customerId(), taken.method(), taken.amount(),
                request.issueDate(), taken.payerReference(), List.of(new AllocationTarget(invoiceId, null, null)));
    }

    @Override
    public Receipt checkout(TenantId tenant, CheckoutRequest request) {
        if (request == null || request.order() == null) {
            throw new InvalidRequestException(FieldViolation.of("order", "is required"));
        }
        if (request.issueDate() == null) {
            throw new InvalidRequestException(FieldViolation.of("issueDate", "is required"));
        }
        if (request.payment() != null && request.payment().amount() != null
                && !request.payment().amount().currency().equals(request.order().currency())) {
            throw new InvalidRequestException(FieldViolation.of("payment.amount", "must be in the order's currency "
                    + request.order().currency()));
        }
        return database.once(tenant, request.order().orderId(), (session, orderId) -> earlier(session, request),
                (session, tx) -> {
                    UUID invoiceId = invoices.invoiceAndIssue(session, tx, tenant, request.order(), request.issueDate());
                    Payment payment = request.payment() == null ? null
                            : payments.record(session, tx, tenant, payment(request, invoiceId));
                    return new Receipt(invoices.read(session, invoiceId), payment);
                });
    }
}
