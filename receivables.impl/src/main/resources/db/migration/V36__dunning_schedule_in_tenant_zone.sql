-- A tenant's dunning run starts in the tenant's own time zone (its configuration's timeZone): the schedule's zone
-- duplicated it. A schedule that named another zone now starts at its run_at in the tenant's zone; the README's
-- "Dunning" section says so for those who upgrade.
alter table dunning_schedule drop column time_zone;
