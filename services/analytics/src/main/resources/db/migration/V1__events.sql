-- Raw clickstream and order events as received, for batch reports.
create table event (
    id          bigint generated always as identity primary key,
    event_type  text not null,
    key         text,
    payload     jsonb not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now()
);
create index event_type_time_idx on event (event_type, occurred_at);
