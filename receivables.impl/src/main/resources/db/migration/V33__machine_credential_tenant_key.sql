-- Every key of a tenant's table starts with tenant_id, so that a tenant-sharded PostgreSQL (Citus) can distribute
-- the table by tenant; machine_credential was the one table whose primary key was its id alone.
alter table machine_credential drop constraint machine_credential_pk;
alter table machine_credential add constraint machine_credential_pk primary key (tenant_id, id);
