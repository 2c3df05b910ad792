-- The outbox joins the shape every service shares (service-defaults' Outbox and OutboxRelay):
-- the topic on the row, a text key, the event id as a column. Rows already there are
-- catalog.changed events keyed by their aggregate id, and carry their event id in the payload.
alter table outbox add column topic text;
update outbox set topic = 'catalog.changed';
alter table outbox alter column topic set not null;

alter table outbox rename column aggregate_id to message_key;
alter table outbox alter column message_key type text using message_key::text;

alter table outbox add column event_id uuid;
update outbox set event_id = (payload ->> 'eventId')::uuid;
alter table outbox alter column event_id set not null;
alter table outbox add constraint outbox_event_id_uk unique (event_id);

