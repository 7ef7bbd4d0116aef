-- The aging report sums each customer's open installments per currency and due-date bucket. With every column it
-- reads in this index, in the order of its groups, PostgreSQL aggregates them while reading the index, without
-- visiting the table or hashing a group per customer. It replaces the index on (tenant, customer, due date),
-- whose look-ups by customer it still serves, so that writing an installment costs no more index entries.
drop index installment_customer_ix;
create index installment_customer_ix on installment (tenant_id, customer_id, currency, due_date, issue_date, open_amount);
