-- A tenant's dunning run starts in the tenant's own time zone (its configuration's timeZone): the schedule's zone
-- duplicated it. A schedule that named another zone now starts at its run_at in the tenant's zone; the README's
-- "Dunning" section says so for those who upgrade.
alter table dunning_schedule drop column time_zone;

-- The print queue of the letter channel: each notice that goes by letter, with its PDF as it was made, until
-- someone prints and posts it and marks it printed.
create table notice_letter (
    tenant_id  varchar(64)   not null,
    notice_id  uuid          not null,
    address    varchar(2000) not null,
    language   varchar(8)    not null,
    pdf        bytea         not null,
    queued_at  timestamp(6) with time zone not null,
    printed_at timestamp(6) with time zone,
    printed_by varchar(200),
    constraint notice_letter_pk primary key (tenant_id, notice_id)
);
create index notice_letter_queue_ix on notice_letter (tenant_id, printed_at, queued_at);
