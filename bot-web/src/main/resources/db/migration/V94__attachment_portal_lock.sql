-- One row per portal that has sent files: locked while a message with files is stored, so that the check of
-- the portal's daily total and the files that raise it happen one upload at a time, on every instance.
-- Written once for H2 and PostgreSQL alike.
create table attachment_portal_lock (
    portal_id varchar(36) primary key references portal (id) on delete cascade
);
