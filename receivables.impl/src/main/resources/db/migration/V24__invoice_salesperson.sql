-- Who sold an invoice: the order's salesperson, else the customer's at invoicing, so that reports group
-- receivables and collections by it. Invoices from before keep their customer's current salesperson.
alter table invoice add column salesperson varchar(100);
update invoice set salesperson = (select c.salesperson from customer_account c
    where c.tenant_id = invoice.tenant_id and c.id = invoice.customer_id);
