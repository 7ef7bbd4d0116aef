-- The rate into the tenant's functional currency an invoice in another currency was issued at; realized
-- exchange differences are measured against it when payments settle the invoice.
alter table invoice add column fx_rate numeric(20,10);
