-- The shared inbox (service-defaults' Inbox) replaces processed_event, which nothing wrote: it
-- records the consumer as well, as every service's inbox does.
drop table processed_event;

create table inbox (
    consumer     text not null,
    event_id     uuid not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- A shopper's in-app notifications, one per order event (source_event_id), newest first.
create table notification (
    id              uuid primary key,
    source_event_id uuid not null,
    customer_id     text not null,
    order_id        uuid not null,
    title           text not null,
    body            text not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    constraint notification_source_event_uk unique (source_event_id)
);
create index notification_customer_newest_idx on notification (customer_id, created_at desc, id desc);
create index notification_customer_unread_idx on notification (customer_id) where read_at is null;

-- Messages this service parked on a dead-letter topic, for staff to list and replay; one row per
-- original record (topic, partition, offset), however often it reaches the dead-letter topic.
create table dead_letter (
    id                bigint generated always as identity primary key,
    topic             text not null,
    kafka_partition   integer not null,
    kafka_offset      bigint not null,
    message_key       text,
    event_id          uuid,
    event_type        text,
    payload           text not null,
    error_class       text,
    error_cause_class text,
    error_message     text,
    parked_at         timestamptz not null,
    replayed_at       timestamptz,
    last_replay_error text,
    constraint dead_letter_record_uk unique (topic, kafka_partition, kafka_offset)
);
create index dead_letter_parked_idx on dead_letter (id desc) where replayed_at is null;
