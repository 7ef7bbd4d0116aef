-- Journal entries carry the rate of their transaction currency into the tenant's functional currency, and their
-- lines the functional amounts at that rate. Entries written before get the rate of their currency on their day
-- (the latest on or before it) where the tenant has rates for it, else 1 (an entry in the functional currency);
-- their lines' functional amounts stay empty and are converted at that rate when read, by the same rule as new
-- entries.
alter table journal_entry add column rate numeric(20,10);
alter table journal_line add column functional_debit numeric(19,4);
alter table journal_line add column functional_credit numeric(19,4);

update journal_entry set rate = coalesce((
    select r.rate from exchange_rate r
    where r.tenant_id = journal_entry.tenant_id
      and r.currency = (select min(l.currency) from journal_line l
                        where l.tenant_id = journal_entry.tenant_id and l.entry_id = journal_entry.id)
      and r.rate_date = (select max(r2.rate_date) from exchange_rate r2
                         where r2.tenant_id = r.tenant_id and r2.currency = r.currency
                           and r2.rate_date <= journal_entry.entry_date)), 1);

alter table journal_entry alter column rate set not null;
