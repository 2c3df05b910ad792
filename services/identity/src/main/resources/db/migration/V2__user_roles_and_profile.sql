-- Roles and profile changes for sign-in and the account page. E-mail addresses are stored
-- trimmed and lower-case, so the unique index on lower(email) from V1 also serves look-ups.
update app_user set email = lower(btrim(email)), display_name = left(display_name, 60);

alter table app_user
    add column roles text[] not null default array['CUSTOMER']
        constraint app_user_roles_check
        check (cardinality(roles) > 0 and roles <@ array['CUSTOMER', 'WAREHOUSE', 'ADMIN']),
    add column updated_at timestamptz not null default now(),
    add constraint app_user_email_normalized_check check (email = lower(btrim(email))),
    drop constraint app_user_display_name_check,
    add constraint app_user_display_name_check check (length(display_name) between 1 and 60);
