-- The texts a tenant's notices are written from, per level ('reminder', '1'..'20') and language: key '<level>/<language>'.
create table notice_template (
    tenant_id    varchar(64)    not null,
    template_key varchar(24)    not null,
    subject      varchar(500)   not null,
    body         varchar(20000) not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint         not null,
    constraint notice_template_pk primary key (tenant_id, template_key)
);

-- Where {{payLink}} points, per tenant: an http(s) pattern with {{customerNumber}} or {{customerId}}.
create table notice_pay_link (
    tenant_id varchar(64)   not null,
    pattern   varchar(1000) not null,
    constraint notice_pay_link_pk primary key (tenant_id)
);
