-- Collections and the cash forecast read a tenant's payments' allocations by value date, and ask of each whether
-- it was taken back: both by index, so that neither depends on statistics.
create index allocation_value_date_ix on allocation (tenant_id, value_date);
create index allocation_reverses_ix on allocation (tenant_id, reverses_id);
