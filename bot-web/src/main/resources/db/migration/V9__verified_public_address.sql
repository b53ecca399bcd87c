-- The public address a portal last proved its own (challenge over trusted TLS), kept apart from the one it
-- claims: widget origins follow the proven one only. Portals that are, or were, connected proved theirs.
alter table portal add column verified_address varchar(2048);
alter table portal add column verified_origin varchar(2048);
update portal set verified_address = public_address, verified_origin = public_origin
    where bot_state = 'CONNECTED' or disconnected_by_recheck = true;
create index portal_verified_origin_idx on portal (verified_origin);
