-- Payments get a number people can read and quote, gap-free per tenant and year of their value date like
-- invoice and credit note numbers: PAY-2026-000001. Payments recorded before are numbered in the order they
-- were recorded.
create table payment_number_sequence (
    tenant_id   varchar(64) not null,
    fiscal_year integer     not null,
    last_number bigint      not null,
    constraint payment_number_sequence_pk primary key (tenant_id, fiscal_year)
);

alter table payment add column payment_number varchar(40);

update payment set payment_number = (
    select n.payment_number from (
        select p.tenant_id, p.id,
               'PAY-' || cast(extract(year from p.value_date) as varchar(4)) || '-'
               || lpad(cast(row_number() over (partition by p.tenant_id, extract(year from p.value_date)
                                               order by p.created_at, p.id) as varchar(20)), 6, '0') payment_number
        from payment p
    ) n
    where n.tenant_id = payment.tenant_id and n.id = payment.id);

insert into payment_number_sequence (tenant_id, fiscal_year, last_number)
select p.tenant_id, cast(extract(year from p.value_date) as integer), count(*)
from payment p
group by p.tenant_id, cast(extract(year from p.value_date) as integer);

alter table payment alter column payment_number set not null;
create unique index payment_number_uk on payment (tenant_id, payment_number);
