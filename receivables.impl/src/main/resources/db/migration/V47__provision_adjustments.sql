-- IFRS 9 forward-looking adjustments: a factor per aging bucket on the historical loss rates, with its reason and the
-- months it applies to. Never updated (a new view is a new row), so each provision names the one it used.
create table provision_adjustment (
    tenant_id        varchar(64)  not null,
    id               uuid         not null,
    effective_from   varchar(7)   not null,
    effective_to     varchar(7),
    factor_current   numeric(9,6) not null,
    factor_1_30      numeric(9,6) not null,
    factor_31_60     numeric(9,6) not null,
    factor_61_90     numeric(9,6) not null,
    factor_over_90   numeric(9,6) not null,
    reason           varchar(500) not null,
    created_at       timestamp(6) with time zone not null,
    constraint provision_adjustment_pk primary key (tenant_id, id)
);
create index provision_adjustment_from_ix on provision_adjustment (tenant_id, effective_from);

alter table provision add column adjustment_id uuid;
