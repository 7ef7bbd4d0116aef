-- Commands that wait for a second person (four eyes): bad-debt write-offs and credit notes above the tenant's
-- approval threshold, and raises of a customer's credit limit. A request holds the command exactly as it was asked
-- for, and is decided once; approving carries the command out in the same transaction.
create table approval_request (
    tenant_id         varchar(64)   not null,
    id                uuid          not null,
    kind              varchar(30)   not null,
    status            varchar(20)   not null,
    customer_id       uuid          not null,
    invoice_id        uuid,
    invoice_number    varchar(40),
    currency          varchar(3)    not null,
    amount            numeric(19,4),
    previous_limit    numeric(19,4),
    reason            varchar(200),
    command_date      date,
    idempotency_key   varchar(128),
    requested_by_kind varchar(20)   not null,
    requested_by      varchar(200)  not null,
    requested_at      timestamp(6) with time zone not null,
    decided_by_kind   varchar(20),
    decided_by        varchar(200),
    decided_at        timestamp(6) with time zone,
    decision_note     varchar(200),
    result_id         uuid,
    version           bigint        not null,
    constraint approval_request_pk primary key (tenant_id, id)
);
create index approval_request_status_ix on approval_request (tenant_id, status, requested_at);
create index approval_request_invoice_ix on approval_request (tenant_id, invoice_id);
create index approval_request_customer_ix on approval_request (tenant_id, customer_id);
create unique index approval_request_key_uk on approval_request (tenant_id, idempotency_key);
