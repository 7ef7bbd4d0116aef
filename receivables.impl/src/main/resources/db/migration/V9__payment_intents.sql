-- Payment intents: attempts to collect money for an invoice through a payment provider, with the history of
-- every transition and the refunds made through the provider.
create table payment_intent (
    tenant_id          varchar(64)   not null,
    id                 uuid          not null,
    idempotency_key    varchar(128)  not null,
    invoice_id         uuid          not null,
    customer_id        uuid          not null,
    provider           varchar(64)   not null,
    method             varchar(32)   not null,
    currency           varchar(3)    not null,
    amount             numeric(19,4) not null,
    refunded_amount    numeric(19,4) not null,
    description        varchar(140)  not null,
    status             varchar(20)   not null,
    provider_reference varchar(128),
    instruction_kind   varchar(16),
    qr_payload         varchar(2000),
    redirect_url       varchar(2000),
    beneficiary        varchar(140),
    iban               varchar(34),
    bic                varchar(11),
    local_account      varchar(64),
    transfer_reference varchar(140),
    expires_at         timestamp(6) with time zone,
    payment_id         uuid,
    attempts           integer       not null,
    next_attempt_at    timestamp(6) with time zone,
    last_error         varchar(500),
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            bigint        not null,
    constraint payment_intent_pk primary key (tenant_id, id)
);
create unique index payment_intent_key_uk on payment_intent (tenant_id, idempotency_key);
create index payment_intent_invoice_ix on payment_intent (tenant_id, invoice_id);
create index payment_intent_due_ix on payment_intent (tenant_id, status, next_attempt_at);
create index payment_intent_reference_ix on payment_intent (tenant_id, provider, provider_reference);

create table intent_transition (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    intent_id   uuid         not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    occurred_at timestamp(6) with time zone not null,
    source      varchar(16)  not null,
    detail      varchar(500),
    constraint intent_transition_pk primary key (tenant_id, id)
);
create index intent_transition_intent_ix on intent_transition (tenant_id, intent_id, occurred_at);

create table intent_refund (
    tenant_id          varchar(64)   not null,
    id                 uuid          not null,
    intent_id          uuid          not null,
    idempotency_key    varchar(128)  not null,
    currency           varchar(3)    not null,
    amount             numeric(19,4) not null,
    reason             varchar(200),
    status             varchar(16)   not null,
    provider_reference varchar(128),
    attempts           integer       not null,
    next_attempt_at    timestamp(6) with time zone,
    last_error         varchar(500),
    requested_at       timestamp(6) with time zone not null,
    version            bigint        not null,
    constraint intent_refund_pk primary key (tenant_id, id)
);
create unique index intent_refund_key_uk on intent_refund (tenant_id, idempotency_key);
create index intent_refund_intent_ix on intent_refund (tenant_id, intent_id);
create index intent_refund_due_ix on intent_refund (tenant_id, status, next_attempt_at);

-- Money paid back to a customer out of a payment's credit (a refunded overpayment, a provider refund).
create table payment_refund (
    tenant_id       varchar(64)   not null,
    id              uuid          not null,
    payment_id      uuid          not null,
    idempotency_key varchar(128)  not null,
    currency        varchar(3)    not null,
    amount          numeric(19,4) not null,
    refund_date     date          not null,
    reason          varchar(200)  not null,
    created_at      timestamp(6) with time zone not null,
    constraint payment_refund_pk primary key (tenant_id, id)
);
create unique index payment_refund_key_uk on payment_refund (tenant_id, idempotency_key);
create index payment_refund_payment_ix on payment_refund (tenant_id, payment_id);
