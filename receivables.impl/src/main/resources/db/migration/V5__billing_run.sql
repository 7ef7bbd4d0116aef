-- Billing runs and their progress, readable from any node while a run goes on.
create table billing_run (
    tenant_id   varchar(64) not null,
    id          uuid        not null,
    status      varchar(16) not null,
    issue_date  date        not null,
    total       integer     not null,
    done        integer     not null,
    failed      integer     not null,
    started_at  timestamp(6) with time zone not null,
    finished_at timestamp(6) with time zone,
    version     bigint      not null,
    constraint billing_run_pk primary key (tenant_id, id)
);
create index billing_run_status_ix on billing_run (tenant_id, status);

create table billing_failure (
    tenant_id varchar(64)  not null,
    id        uuid         not null,
    run_id    uuid         not null,
    order_id  varchar(64)  not null,
    reason    varchar(500) not null,
    constraint billing_failure_pk primary key (tenant_id, id)
);
create index billing_failure_run_ix on billing_failure (tenant_id, run_id);
