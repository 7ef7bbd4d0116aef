-- The scoring of newly issued invoices replaces one customer's installment scores at a time: found by customer, not
-- by reading all of the tenant's.
create index risk_installment_customer_ix on risk_installment (tenant_id, customer_id);
