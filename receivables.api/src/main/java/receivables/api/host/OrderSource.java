package receivables.api.host;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.TenantId;
import receivables.api.invoice.SalesOrder;

/**
 * Where a host's confirmed, not yet invoiced orders come from: a billing run without an explicit list
 * invoices what every registered source reports. Invoicing is idempotent per order id, so a source may
 * report an order again until it sees the invoice (event {@code receivables/invoice/ISSUED}).
 */
@ConsumerType
public interface OrderSource {

    /** Up to {@code limit} orders of {@code tenant} ready to be invoiced; an empty list when there are none. */
    List<SalesOrder> ordersToInvoice(TenantId tenant, int limit);
}
