-- Aging as of a past day adds back what was allocated after that day, by bucket of its installment's due date, per
-- customer and currency. Each allocation carries those keys of its installment (fixed once it is issued), so that
-- the later allocations are read from one index alone instead of each joined to its installment.
alter table allocation add column customer_id uuid;
alter table allocation add column currency varchar(3);
alter table allocation add column issue_date date;
alter table allocation add column due_date date;
-- One look-up of the installment per allocation, all four keys from it.
update allocation set (customer_id, currency, issue_date, due_date) = (
    select i.customer_id, i.currency, i.issue_date, i.due_date from installment i
    where i.tenant_id = allocation.tenant_id and i.id = allocation.installment_id);
alter table allocation alter column customer_id set not null;
alter table allocation alter column currency set not null;
alter table allocation alter column issue_date set not null;
alter table allocation alter column due_date set not null;
-- The index by value date, which collections and the cash forecast read, now also holds what aging adds back.
drop index allocation_value_date_ix;
create index allocation_value_date_ix
    on allocation (tenant_id, value_date, issue_date, customer_id, currency, due_date, amount);
