-- Journal entries delivered to the host's sinks: one row per sink and entry, and how far each sink got, so that
-- delivery resumes after a restart and only looks at recent entries.
create index journal_entry_created_ix on journal_entry (tenant_id, created_at);

create table journal_delivery (
    tenant_id    varchar(64) not null,
    id           uuid        not null,
    sink         varchar(64) not null,
    entry_id     uuid        not null,
    delivered_at timestamp(6) with time zone not null,
    constraint journal_delivery_pk primary key (tenant_id, id)
);
create unique index journal_delivery_uk on journal_delivery (tenant_id, sink, entry_id);

create table journal_delivery_cursor (
    tenant_id      varchar(64) not null,
    id             uuid        not null,
    sink           varchar(64) not null,
    posted_through timestamp(6) with time zone not null,
    version        bigint      not null,
    constraint journal_delivery_cursor_pk primary key (tenant_id, id)
);
create unique index journal_delivery_cursor_uk on journal_delivery_cursor (tenant_id, sink);
