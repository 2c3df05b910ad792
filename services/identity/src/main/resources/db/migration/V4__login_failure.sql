-- Failed sign-ins, counted per account and per client address over a sliding window to throttle
-- password guessing. Rows older than the window are deleted as new failures arrive.
create table login_failure (
    id             bigint generated always as identity primary key,
    email          text        not null,
    client_address text        not null,
    failed_at      timestamptz not null
);
create index login_failure_email_ix on login_failure (email, failed_at);
create index login_failure_client_address_ix on login_failure (client_address, failed_at);
create index login_failure_failed_at_ix on login_failure (failed_at);
