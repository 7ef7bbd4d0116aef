-- The request allowances of receivables.limits, shared by every node on this database: a token bucket per tenant,
-- kind (with the limits it was counted under, so that new limits start from full buckets) and subject (a client address or a payment provider, as a SHA-256 in hex, so that hostile text has one size),
-- kept as the moment it is full again (the "theoretical arrival time" of the generic cell rate algorithm, in
-- microseconds since the epoch). One statement per check reads and moves it, so that checks on two nodes never lose
-- each other's; a row whose moment has passed is the same as none, and the cleanup deletes it.
-- Failed authentications are counted per client address before any tenant is known: their rows carry the
-- tenant_id '*', which no tenant can have (a tenant id starts with a letter or digit), so the key still starts
-- with tenant_id and a tenant-sharded PostgreSQL keeps those rows together on one worker.
create table request_allowance (
    tenant_id      varchar(64) not null,
    kind           varchar(64) not null,
    subject        varchar(64) not null,
    full_at_micros bigint      not null,
    granted        boolean     not null,
    constraint request_allowance_pk primary key (tenant_id, kind, subject)
);
