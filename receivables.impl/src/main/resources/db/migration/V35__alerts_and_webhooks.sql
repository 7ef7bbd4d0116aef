-- Overdue alerts posted, once per installment and level: the daily sweep inserts a row with the event it posts
-- after commit, so that a rerun, or another node, finds it and posts nothing twice.
create table overdue_alert (
    tenant_id      varchar(64) not null,
    installment_id uuid        not null,
    level          integer     not null,
    days_overdue   integer     not null,
    posted_at      timestamp(6) with time zone not null,
    constraint overdue_alert_pk primary key (tenant_id, installment_id, level)
);

-- Integrators' webhook subscriptions; the signing secret is sealed with the host key.
create table webhook_subscription (
    tenant_id     varchar(64)   not null,
    id            uuid          not null,
    url           varchar(2000) not null,
    event_types   varchar(1000) not null,
    description   varchar(200),
    secret_sealed varchar(200)  not null,
    created_at    timestamp(6) with time zone not null,
    active        boolean       not null,
    constraint webhook_subscription_pk primary key (tenant_id, id)
);

-- The outbox: one row per event and subscription, written in the transaction that made the event, delivered at
-- least once by the leased delivery worker.
create table webhook_delivery (
    tenant_id       varchar(64)  not null,
    id              varchar(40)  not null,
    subscription_id uuid         not null,
    event_type      varchar(100) not null,
    payload         varchar(20000) not null,
    status          varchar(16)  not null,
    attempts        integer      not null,
    -- The number of the first attempt since the delivery was made or last replayed: the retries count from it.
    round_start     integer      not null,
    created_at      timestamp(6) with time zone not null,
    next_attempt_at timestamp(6) with time zone,
    delivered_at    timestamp(6) with time zone,
    version         bigint       not null,
    constraint webhook_delivery_pk primary key (tenant_id, id)
);
create index webhook_delivery_due_ix on webhook_delivery (tenant_id, status, next_attempt_at);
create index webhook_delivery_subscription_ix on webhook_delivery (tenant_id, subscription_id, created_at);

create table webhook_attempt (
    tenant_id    varchar(64)  not null,
    delivery_id  varchar(40)  not null,
    number       integer      not null,
    attempted_at timestamp(6) with time zone not null,
    status_code  integer,
    error        varchar(500),
    millis       bigint       not null,
    constraint webhook_attempt_pk primary key (tenant_id, delivery_id, number)
);
