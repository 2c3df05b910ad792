-- The SKUs inventory knows (learned from catalog), reservations per order, the answer each order
-- got, and the shared outbox and inbox (service-defaults messaging).

insert into warehouse (code, name) values ('DUB', 'Dublin'), ('RTM', 'Rotterdam') on conflict (code) do nothing;

-- A retired product's SKUs stay (their stock is still counted) but are not reservable.
create table sku (
    sku          text primary key check (sku ~ '^[A-Z0-9-]{3,40}$'),
    product_id   uuid not null,
    product_name text not null,
    active       boolean not null default true,
    updated_at   timestamptz not null default now()
);
-- catalog.changed names products: retiring one finds its SKUs by this
create index sku_product_idx on sku (product_id);

alter table stock add constraint stock_sku_fk foreign key (sku) references sku (sku);

-- Which warehouse holds how many units for which order. Rows are never deleted: the history of
-- an order's stock is kept, and a repeated command finds what it did.
create table reservation (
    order_id     uuid not null,
    sku          text not null,
    warehouse_id smallint not null,
    quantity     integer not null check (quantity > 0),
    status       text not null check (status in ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at   timestamptz not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (order_id, sku, warehouse_id),
    foreign key (sku, warehouse_id) references stock (sku, warehouse_id)
);
-- the expiry sweep: only what is still held, oldest deadline first
create index reservation_due_idx on reservation (expires_at) where status = 'RESERVED';

-- Where each order stands, and the answer to its ReserveStock, sent again when the command comes
-- again (reply is null only for an order released before it ever reserved).
create table order_stock (
    order_id   uuid primary key,
    outcome    text not null check (outcome in ('RESERVED', 'UNAVAILABLE', 'COMMITTED', 'RELEASED')),
    reply      json check (reply is not null or outcome = 'RELEASED'),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Whether the first start's walk over catalog's SKUs has finished (a crash half-way walks again).
create table sku_seed (
    id           boolean primary key default true check (id),
    random_seed  bigint not null,
    completed_at timestamptz not null
);

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
