-- The tables service-defaults' Outbox (replies on payment.replies) and Inbox (commands from
-- payment.commands handled once) expect, exactly as their javadoc declares them.
create table outbox (
    id          bigint generated always as identity primary key,
    topic       text not null,
    message_key text not null,
    event_id    uuid not null unique,
    event_type  text not null,
    payload     json not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;

create table inbox (
    consumer     text not null,
    event_id     uuid not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
