-- Leases on background work. A run (billing run, statement import) or a tenant's scheduled job (intent janitor,
-- journal delivery, dunning) is done only by the node that holds its lease and renews it while it works; when
-- that node dies the lease runs out and another node takes the work over. Times come from the database's clock,
-- so that the nodes' clocks do not matter.
create table background_lease (
    tenant_id   varchar(64)  not null,
    work        varchar(100) not null,
    holder      varchar(200) not null,
    token       uuid         not null,
    acquired_at timestamp(6) with time zone not null,
    renewed_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    constraint background_lease_pk primary key (tenant_id, work)
);

-- A statement file kept in the database, in pieces, until it is imported: any node can import it, and none
-- holds a whole file in memory.
create table bank_statement_upload (
    tenant_id varchar(64) not null,
    import_id uuid        not null,
    piece     integer     not null,
    content   bytea       not null,
    constraint bank_statement_upload_pk primary key (tenant_id, import_id, piece)
);

-- The orders a billing run was given, one row per batch, so that the node that takes the run over bills the same
-- orders from where the run got to.
create table billing_run_batch (
    tenant_id varchar(64) not null,
    run_id    uuid        not null,
    batch     integer     not null,
    orders    bytea       not null,
    constraint billing_run_batch_pk primary key (tenant_id, run_id, batch)
);
alter table billing_run add column batches_done integer default 0 not null;
