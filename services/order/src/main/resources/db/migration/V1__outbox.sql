-- The transactional outbox: order events are written here in the same transaction as the
-- order change, and a relay publishes them to Kafka in insertion order.
create table outbox (
    id           bigint generated always as identity primary key,
    aggregate_id uuid not null,
    event_type   text not null,
    payload      jsonb not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;
