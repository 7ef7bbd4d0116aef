-- Bank-statement imports with their progress, the credit lines they brought, and the suspense queue of lines
-- no invoice could be matched to with enough confidence. A line's key identifies the bank's movement, so that
-- the same movement in two files (a statement imported twice, a camt.054 and then the day's camt.053) is
-- imported once.
create table bank_statement_import (
    tenant_id   varchar(64)   not null,
    id          uuid          not null,
    status      varchar(16)   not null,
    format      varchar(32)   not null,
    file_size   bigint        not null,
    lines_read  bigint        not null,
    matched     bigint        not null,
    suspended   bigint        not null,
    skipped     bigint        not null,
    duplicates  bigint        not null,
    location    varchar(200),
    problem     varchar(1000),
    started_at  timestamp(6) with time zone not null,
    finished_at timestamp(6) with time zone,
    constraint bank_statement_import_pk primary key (tenant_id, id)
);
create index bank_statement_import_status_ix on bank_statement_import (tenant_id, status);

create table bank_statement_line (
    tenant_id          varchar(64)   not null,
    id                 uuid          not null,
    line_key           varchar(64)   not null,
    import_id          uuid          not null,
    account            varchar(70),
    statement_id       varchar(140),
    sequence_number    integer       not null,
    booking_date       date,
    value_date         date,
    currency           varchar(3)    not null,
    amount             numeric(19,4) not null,
    end_to_end_id      varchar(140),
    creditor_reference varchar(140),
    remittance_text    varchar(2000),
    counterparty_name  varchar(140),
    counterparty_iban  varchar(70),
    bank_reference     varchar(140),
    reversal           boolean       not null,
    outcome            varchar(16)   not null,
    confidence         integer       not null,
    customer_id        uuid,
    payment_id         uuid,
    constraint bank_statement_line_pk primary key (tenant_id, id)
);
create unique index bank_statement_line_key_uk on bank_statement_line (tenant_id, line_key);
create index bank_statement_line_import_ix on bank_statement_line (tenant_id, import_id);
create index bank_statement_line_payer_ix on bank_statement_line (tenant_id, counterparty_iban);

create table suspense_item (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    line_id     uuid         not null,
    import_id   uuid         not null,
    status      varchar(16)  not null,
    resolution  varchar(200),
    payment_id  uuid,
    created_at  timestamp(6) with time zone not null,
    resolved_at timestamp(6) with time zone,
    constraint suspense_item_pk primary key (tenant_id, id)
);
create unique index suspense_item_line_uk on suspense_item (tenant_id, line_id);
create index suspense_item_status_ix on suspense_item (tenant_id, status, created_at);

create table suspense_candidate (
    tenant_id      varchar(64)  not null,
    suspense_id    uuid         not null,
    rank_number    integer      not null,
    invoice_id     uuid,
    invoice_number varchar(40),
    customer_id    uuid,
    confidence     integer      not null,
    reason         varchar(200) not null,
    constraint suspense_candidate_pk primary key (tenant_id, suspense_id, rank_number)
);
