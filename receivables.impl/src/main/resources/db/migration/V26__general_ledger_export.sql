-- Journal exports per general ledger (sink) and month. Each entry goes to a sink once: the unique key on
-- (sink, entry) lets no two exports, even concurrent ones, hand over the same entry.
create table gl_export (
    tenant_id   varchar(64) not null,
    id          uuid        not null,
    sink        varchar(64) not null,
    period      varchar(7)  not null,
    exported_at timestamp(6) with time zone not null,
    constraint gl_export_pk primary key (tenant_id, id)
);
create unique index gl_export_period_uk on gl_export (tenant_id, sink, period);

create table gl_export_entry (
    tenant_id varchar(64) not null,
    export_id uuid        not null,
    sink      varchar(64) not null,
    entry_id  uuid        not null,
    constraint gl_export_entry_pk primary key (tenant_id, sink, entry_id)
);
create index gl_export_entry_export_ix on gl_export_entry (tenant_id, export_id);
