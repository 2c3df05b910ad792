-- Identity owns the users; roles and sign-in arrive with the browse-and-account work.
create table app_user (
    id            uuid primary key default gen_random_uuid(),
    email         text not null,
    display_name  text not null check (length(display_name) between 1 and 100),
    password_hash text not null,
    created_at    timestamptz not null default now()
);
create unique index app_user_email_uk on app_user (lower(email));
