-- The ledger: invoices with lines and installments, payments with allocations, the journal.
-- Amounts are stored at their currency's scale (at most 4 decimals here); every key and index starts
-- with tenant_id.

create table invoice (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    invoice_number varchar(40),
    order_id       varchar(64)   not null,
    customer_id    uuid          not null,
    currency       varchar(3)    not null,
    status         varchar(16)   not null,
    terms_code     varchar(32)   not null,
    order_date     date          not null,
    issue_date     date,
    due_date       date,
    net_amount     numeric(19,4) not null,
    tax_amount     numeric(19,4) not null,
    gross_amount   numeric(19,4) not null,
    open_amount    numeric(19,4) not null,
    version        bigint        not null,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    constraint invoice_pk primary key (tenant_id, id)
);
create unique index invoice_order_uk on invoice (tenant_id, order_id);
create unique index invoice_number_uk on invoice (tenant_id, invoice_number);
create index invoice_customer_ix on invoice (tenant_id, customer_id, status);
create index invoice_issue_ix on invoice (tenant_id, issue_date);

create table invoice_line (
    tenant_id        varchar(64)   not null,
    id               uuid          not null,
    invoice_id       uuid          not null,
    line_number      integer       not null,
    product          varchar(64)   not null,
    description      varchar(200),
    quantity         numeric(19,6) not null,
    unit_price       numeric(19,4) not null,
    discount_percent numeric(7,4)  not null,
    tax_rate         numeric(7,4)  not null,
    net_amount       numeric(19,4) not null,
    tax_amount       numeric(19,4) not null,
    constraint invoice_line_pk primary key (tenant_id, id)
);
create unique index invoice_line_uk on invoice_line (tenant_id, invoice_id, line_number);

-- customer_id, currency and issue_date are copied from the invoice, and value_date from the payment to
-- allocation, so that aging as of any day aggregates two tables without joining invoices and payments.
create table installment (
    tenant_id       varchar(64)   not null,
    id              uuid          not null,
    invoice_id      uuid          not null,
    sequence_number integer       not null,
    customer_id     uuid          not null,
    currency        varchar(3)    not null,
    issue_date      date          not null,
    due_date        date          not null,
    amount          numeric(19,4) not null,
    open_amount     numeric(19,4) not null,
    discount_until  date,
    discount_amount numeric(19,4),
    version         bigint        not null,
    constraint installment_pk primary key (tenant_id, id)
);
create unique index installment_uk on installment (tenant_id, invoice_id, sequence_number);
create index installment_customer_ix on installment (tenant_id, customer_id, due_date);
create index installment_due_ix on installment (tenant_id, due_date);

create table invoice_number_sequence (
    tenant_id   varchar(64) not null,
    fiscal_year integer     not null,
    last_number bigint      not null,
    constraint invoice_number_sequence_pk primary key (tenant_id, fiscal_year)
);

create table payment (
    tenant_id          varchar(64)   not null,
    id                 uuid          not null,
    idempotency_key    varchar(128)  not null,
    customer_id        uuid          not null,
    method             varchar(32)   not null,
    currency           varchar(3)    not null,
    amount             numeric(19,4) not null,
    unallocated_amount numeric(19,4) not null,
    value_date         date          not null,
    payer_reference    varchar(140),
    version            bigint        not null,
    created_at         timestamp(6) with time zone not null,
    constraint payment_pk primary key (tenant_id, id)
);
create unique index payment_idempotency_uk on payment (tenant_id, idempotency_key);
create index payment_customer_ix on payment (tenant_id, customer_id);

create table allocation (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    payment_id     uuid          not null,
    invoice_id     uuid          not null,
    installment_id uuid          not null,
    amount         numeric(19,4) not null,
    value_date     date          not null,
    allocated_at   timestamp(6) with time zone not null,
    constraint allocation_pk primary key (tenant_id, id)
);
create index allocation_payment_ix on allocation (tenant_id, payment_id);
create index allocation_invoice_ix on allocation (tenant_id, invoice_id);

create table journal_entry (
    tenant_id  varchar(64) not null,
    id         uuid        not null,
    entry_date date        not null,
    kind       varchar(32) not null,
    reference  varchar(64) not null,
    created_at timestamp(6) with time zone not null,
    constraint journal_entry_pk primary key (tenant_id, id)
);
create index journal_entry_reference_ix on journal_entry (tenant_id, reference);
create index journal_entry_date_ix on journal_entry (tenant_id, entry_date);

create table journal_line (
    tenant_id   varchar(64)   not null,
    id          uuid          not null,
    entry_id    uuid          not null,
    line_number integer       not null,
    account     varchar(32)   not null,
    currency    varchar(3)    not null,
    debit       numeric(19,4) not null,
    credit      numeric(19,4) not null,
    constraint journal_line_pk primary key (tenant_id, id)
);
create unique index journal_line_uk on journal_line (tenant_id, entry_id, line_number);

-- Payment terms a tenant defines beyond the standard ones, in the notation of PaymentTerms.parse.
create table payment_terms (
    tenant_id varchar(64)  not null,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    notation  varchar(200) not null,
    constraint payment_terms_pk primary key (tenant_id, code)
);
