package receivables.impl.checkout.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.invoice.Checkout;
import receivables.api.invoice.CheckoutRequest;
import receivables.api.invoice.ImmediatePayment;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.Receipt;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.impl.invoice.internal.StoredInvoices;
import receivables.impl.payment.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;

/**
 * Checkout as one transaction over the invoice and payment services' own steps; the host hears of the
 * invoice and the payment only once both are committed.
 */
@Component(service = Checkout.class)
public class LedgerCheckout implements Checkout {

    @Reference
    Database database;

    @Reference
    StoredInvoices invoices;

    @Reference
    StoredPayments payments;

    private record Done(Receipt receipt, boolean issuedNow, StoredPayments.Recorded payment) {
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
        invoices.prepareIssue(tenant, request.issueDate());
        Done done = database.inTransaction(tenant, session -> {
            StoredInvoices.Issued issued = invoices.invoiceAndIssue(session, tenant, request.order(), request.issueDate());
            StoredPayments.Recorded payment = null;
            ImmediatePayment taken = request.payment();
            if (taken != null) {
                payment = payments.record(session, tenant, new PaymentRequest(taken.idempotencyKey(),
                        request.order().customerId(), taken.method(), taken.amount(), request.issueDate(),
                        taken.payerReference(), List.of(new AllocationTarget(issued.invoiceId(), null, null))));
            }
            Invoice invoice = invoices.read(session, issued.invoiceId());
            return new Done(new Receipt(invoice, payment == null ? null : payment.payment()), issued.now(), payment);
        });
        if (done.issuedNow()) {
            invoices.announceIssued(tenant, done.receipt().invoice());
        }
        if (done.payment() != null) {
            payments.announce(tenant, done.payment());
        }
        return done.receipt();
    }
}
