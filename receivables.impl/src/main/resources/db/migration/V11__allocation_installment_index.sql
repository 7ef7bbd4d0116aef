-- Allocations by installment: the aging report sums them per installment, and H2, which joins by nested
-- loops, otherwise reads all of the tenant's allocations once for every installment.
create index allocation_installment_ix on allocation (tenant_id, installment_id);
