-- The audit trail: one hash chain per tenant. Records are only ever inserted (on PostgreSQL a trigger of migration 17
-- refuses updates and deletes); the head row is locked by every writer, so the chain never forks.
create table audit_chain_head (
    tenant_id     varchar(64) not null,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null,
    constraint audit_chain_head_pk primary key (tenant_id)
);

create table audit_record (
    tenant_id       varchar(64)  not null,
    sequence_number bigint       not null,
    recorded_at     timestamp(6) with time zone not null,
    actor_kind      varchar(16)  not null,
    actor_id        varchar(200) not null,
    client_address  varchar(64),
    request_id      varchar(64),
    entity_type     varchar(64)  not null,
    entity_id       varchar(200) not null,
    operation       varchar(16)  not null,
    changes         text         not null,
    previous_hash   varchar(64)  not null,
    record_hash     varchar(64)  not null,
    constraint audit_record_pk primary key (tenant_id, sequence_number)
);
create index audit_record_entity_ix on audit_record (tenant_id, entity_type, entity_id, sequence_number);
create index audit_record_actor_ix on audit_record (tenant_id, actor_id, sequence_number);
create index audit_record_time_ix on audit_record (tenant_id, recorded_at);
