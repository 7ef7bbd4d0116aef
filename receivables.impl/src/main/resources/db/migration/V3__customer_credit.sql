-- Customer master data for billing and credit control.
alter table customer_account add column contact_name varchar(200);
alter table customer_account add column phone varchar(40);
alter table customer_account add column address_line1 varchar(200);
alter table customer_account add column address_line2 varchar(200);
alter table customer_account add column postal_code varchar(20);
alter table customer_account add column city varchar(100);
alter table customer_account add column region varchar(100);
alter table customer_account add column country varchar(2);
alter table customer_account add column salesperson varchar(100);
alter table customer_account add column segment varchar(50);
alter table customer_account add column payment_terms_code varchar(32);
alter table customer_account add column credit_limit numeric(19,4);
alter table customer_account add column credit_rating char(1);
alter table customer_account add column credit_hold boolean default false not null;
