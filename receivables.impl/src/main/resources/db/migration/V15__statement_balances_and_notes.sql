-- What an import says beyond its counts: lines it rejected (an amount too large to book) and interim-report
-- lines left for the statement; the statements of each file with their balances; warnings where a file bent
-- its format and was read anyway, and the lines rejected, named with their reason.
alter table bank_statement_import add column rejected bigint default 0 not null;
alter table bank_statement_import add column announced bigint default 0 not null;
create index bank_statement_import_started_ix on bank_statement_import (tenant_id, started_at);

create table bank_statement (
    tenant_id        varchar(64)   not null,
    import_id        uuid          not null,
    statement_number integer       not null,
    statement_id     varchar(140),
    account          varchar(70),
    currency         varchar(3),
    opening_currency varchar(3),
    opening_balance  numeric(19,4),
    closing_currency varchar(3),
    closing_balance  numeric(19,4),
    from_date        date,
    to_date          date,
    line_count       bigint        not null,
    interim          boolean       not null,
    constraint bank_statement_pk primary key (tenant_id, import_id, statement_number)
);

create table bank_statement_note (
    tenant_id   varchar(64)   not null,
    import_id   uuid          not null,
    note_number integer       not null,
    kind        varchar(16)   not null,
    location    varchar(200),
    message     varchar(1000) not null,
    constraint bank_statement_note_pk primary key (tenant_id, import_id, note_number)
);
