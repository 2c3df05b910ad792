-- The inbox: an event id is recorded in the same transaction as its effect, so an event
-- delivered twice has its effect once.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
