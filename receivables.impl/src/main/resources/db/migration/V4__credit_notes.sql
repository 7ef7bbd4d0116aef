-- Credit notes and write-offs. What they take off an installment is an allocation like a payment's: aging and
-- open items as of any day subtract every allocation up to that day, so they count credits and write-offs
-- without knowing them. An allocation comes from exactly one payment, credit note or write-off.

create table credit_note (
    tenant_id          varchar(64)   not null,
    id                 uuid          not null,
    credit_note_number varchar(40)   not null,
    invoice_id         uuid          not null,
    customer_id        uuid          not null,
    currency           varchar(3)    not null,
    credit_date        date          not null,
    net_amount         numeric(19,4) not null,
    tax_amount         numeric(19,4) not null,
    gross_amount       numeric(19,4) not null,
    reason             varchar(200)  not null,
    full_credit        boolean       not null,
    created_at         timestamp(6) with time zone not null,
    constraint credit_note_pk primary key (tenant_id, id)
);
create unique index credit_note_number_uk on credit_note (tenant_id, credit_note_number);
create index credit_note_invoice_ix on credit_note (tenant_id, invoice_id);

-- Gap-free credit note numbers per tenant and year, counted apart from the invoices'.
create table credit_note_number_sequence (
    tenant_id   varchar(64) not null,
    fiscal_year integer     not null,
    last_number bigint      not null,
    constraint credit_note_number_sequence_pk primary key (tenant_id, fiscal_year)
);

create table write_off (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    invoice_id     uuid          not null,
    customer_id    uuid          not null,
    currency       varchar(3)    not null,
    kind           varchar(16)   not null,
    amount         numeric(19,4) not null,
    reason         varchar(200)  not null,
    write_off_date date          not null,
    payment_id     uuid,
    created_at     timestamp(6) with time zone not null,
    constraint write_off_pk primary key (tenant_id, id)
);
create index write_off_invoice_ix on write_off (tenant_id, invoice_id);

alter table allocation alter column payment_id drop not null;
alter table allocation add column credit_note_id uuid;
alter table allocation add column write_off_id uuid;
alter table allocation add constraint allocation_one_source_ck check (
    (case when payment_id is null then 0 else 1 end)
    + (case when credit_note_id is null then 0 else 1 end)
    + (case when write_off_id is null then 0 else 1 end) = 1);
create index allocation_credit_note_ix on allocation (tenant_id, credit_note_id);
create index allocation_write_off_ix on allocation (tenant_id, write_off_id);
