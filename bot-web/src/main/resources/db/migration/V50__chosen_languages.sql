-- The languages people choose for themselves (issue 11): a portal user's in the widget, kept with their
-- conversation (it beats the token's and the portal's language), and a staff member's for their own agent
-- console. Null: none chosen yet.

alter table conversation add column locale varchar(5);
alter table staff_account add column console_locale varchar(5);
