-- History imports: customers, invoices and payments of another system, brought in with their own dates. The
-- file is checked whole when it is received and kept in pieces until it is stored, so that any node can store it
-- and none holds a whole file in memory.
create table history_import (
    tenant_id        varchar(64)  not null,
    id               uuid         not null,
    status           varchar(16)  not null,
    format           varchar(8)   not null,
    file_size        bigint       not null,
    record_count     bigint       not null,
    records_stored   bigint       not null,
    customers        bigint       not null,
    invoices         bigint       not null,
    payments         bigint       not null,
    unchanged        bigint       not null,
    invoices_settled bigint       not null,
    opening_balances bigint       not null,
    opening_date     date         not null,
    problem          varchar(1000),
    started_at       timestamp(6) with time zone not null,
    finished_at      timestamp(6) with time zone,
    constraint history_import_pk primary key (tenant_id, id)
);
create index history_import_status_ix on history_import (tenant_id, status);

create table history_upload (
    tenant_id varchar(64) not null,
    import_id uuid        not null,
    piece     integer     not null,
    content   bytea       not null,
    constraint history_upload_pk primary key (tenant_id, import_id, piece)
);

-- What each source id of the other system became here, and the digest of what the file said of it: the same
-- record again is recognised and left as it is, a changed one refused. An invoice is finished once it was settled
-- on its paid date, or its open amount journalled as an opening balance.
create table history_record (
    tenant_id   varchar(64)  not null,
    kind        varchar(8)   not null,
    source_id   varchar(64)  not null,
    fingerprint varchar(64)  not null,
    target_id   uuid         not null,
    import_id   uuid         not null,
    paid_date   date,
    finished    boolean      not null,
    constraint history_record_pk primary key (tenant_id, kind, source_id)
);
create index history_record_import_ix on history_record (tenant_id, import_id, kind, finished);
