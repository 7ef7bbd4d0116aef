-- Named machine credentials of a tenant, several at a time for rotation. Only a salted HMAC of the secret is kept.
-- Names stay taken after revocation, so that the audit trail's names stay unambiguous.
create table machine_credential (
    tenant_id       varchar(64)  not null,
    id              uuid         not null,
    name            varchar(100) not null,
    roles           varchar(200) not null,
    secret_hash     varchar(200) not null,
    created_at      timestamp(6) with time zone not null,
    created_by_kind varchar(20)  not null,
    created_by      varchar(200) not null,
    expires_at      timestamp(6) with time zone,
    last_used_at    timestamp(6) with time zone,
    revoked_at      timestamp(6) with time zone,
    revoked_by_kind varchar(20),
    revoked_by      varchar(200),
    constraint machine_credential_pk primary key (id),
    constraint machine_credential_name_uk unique (tenant_id, name)
);

-- The collector a customer is assigned to (a user's or credential's actor id): a collector reads only theirs.
alter table customer_account add column collector varchar(200);
create index customer_account_collector_ix on customer_account (tenant_id, collector, name);
