-- Rules that assign customers to collectors, in order: the first that matches names the collector.
create table collector_rule (
    tenant_id       varchar(64)   not null,
    sequence_number integer       not null,
    collector       varchar(200)  not null,
    segment         varchar(50),
    salesperson     varchar(100),
    country         varchar(2),
    currency        varchar(3),
    amount_of       varchar(8)    not null,
    min_amount      numeric(19,4),
    max_amount      numeric(19,4),
    constraint collector_rule_pk primary key (tenant_id, sequence_number)
);

-- How a customer got its collector: MANUAL (by hand, which rules leave alone) or RULE; null without one.
alter table customer_account add column collector_assigned_by varchar(8);
update customer_account set collector_assigned_by = 'MANUAL' where collector is not null;
