-- Built-in users of the standalone host, who sign in with a password (and a TOTP code when they enrolled one).
-- The e-mail address and the TOTP secret are sealed under the tenant's personal data key; the password is an
-- Argon2id hash. A password set by a tenant admin is a one-time password: it must be changed at the next sign-in
-- and is refused after password_expires_at.
create table app_user (
    tenant_id                varchar(64)  not null,
    id                       uuid         not null,
    username                 varchar(64)  not null,
    display_name             varchar(200) not null,
    email                    varchar(512),
    roles                    varchar(200) not null,
    password_hash            varchar(200) not null,
    password_change_required boolean      not null,
    password_expires_at      timestamp(6) with time zone,
    totp_secret              varchar(512),
    totp_confirmed           boolean      not null,
    enabled                  boolean      not null,
    version                  bigint       not null,
    created_at               timestamp(6) with time zone not null,
    updated_at               timestamp(6) with time zone not null,
    constraint app_user_pk primary key (tenant_id, id)
);
create unique index app_user_username_uk on app_user (tenant_id, username);

-- Sign-in bookkeeping per user name, whether or not a user of that name exists, so that the answers to guesses
-- do not tell which names exist: consecutive failures, the time before which no attempt is heard, and the last TOTP
-- step accepted (a code is good once).
create table sign_in_state (
    tenant_id       varchar(64) not null,
    username        varchar(64) not null,
    failures        integer     not null,
    blocked_until   timestamp(6) with time zone,
    last_totp_step  bigint,
    constraint sign_in_state_pk primary key (tenant_id, username)
);

-- Sessions of signed-in users, shared by all nodes. Only the SHA-256 of the cookie's random value is stored.
create table user_session (
    tenant_id    varchar(64) not null,
    token_hash   varchar(64) not null,
    user_id      uuid        not null,
    created_at   timestamp(6) with time zone not null,
    last_seen_at timestamp(6) with time zone not null,
    constraint user_session_pk primary key (tenant_id, token_hash)
);
create index user_session_user_ix on user_session (tenant_id, user_id);
create index user_session_seen_ix on user_session (tenant_id, last_seen_at);
