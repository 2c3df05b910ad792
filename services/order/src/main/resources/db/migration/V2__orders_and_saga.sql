-- Orders, hash-partitioned by customer; the checkout saga's state; the shared outbox and inbox.

-- V1's outbox was created empty and nothing wrote to it; it takes the shape service-defaults'
-- Outbox and OutboxRelay share. Refuse rather than lose rows if that assumption ever breaks.
do $$
begin
    if exists (select 1 from outbox) then
        raise exception 'V2 expects the outbox created by V1 to be empty';
    end if;
end
$$;
drop table outbox;

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

-- Orders are spread over 8 partitions by a hash of the customer id (the course's hash
-- partitioning: "good for CRUD on records based on key"). Every key includes customer_id, so a
-- shopper's status page and history are answered by the one partition that holds them; the
-- idempotency key is unique per customer, which is also the scope a client mints it in.
create table orders (
    customer_id      uuid not null,
    id               uuid not null,
    idempotency_key  text not null check (length(idempotency_key) between 1 and 100),
    request_hash     text not null,
    status           text not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'SHIPPED')),
    reason_code      text,
    reason           text,
    customer_email   text not null,
    customer_name    text not null,
    total_amount     numeric(12, 2) not null check (total_amount > 0),
    currency         char(3) not null,
    card_last4       char(4) not null check (card_last4 ~ '^[0-9]{4}$'),
    shipping_address json not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint not null default 0,
    primary key (customer_id, id),
    unique (customer_id, idempotency_key)
) partition by hash (customer_id);

create table orders_p0 partition of orders for values with (modulus 8, remainder 0);
create table orders_p1 partition of orders for values with (modulus 8, remainder 1);
create table orders_p2 partition of orders for values with (modulus 8, remainder 2);
create table orders_p3 partition of orders for values with (modulus 8, remainder 3);
create table orders_p4 partition of orders for values with (modulus 8, remainder 4);
create table orders_p5 partition of orders for values with (modulus 8, remainder 5);
create table orders_p6 partition of orders for values with (modulus 8, remainder 6);
create table orders_p7 partition of orders for values with (modulus 8, remainder 7);

-- history: "where customer_id = :c order by created_at desc, id desc limit :n offset :o"
create index orders_history_idx on orders (customer_id, created_at desc, id desc);
-- staff look an order up by its id alone: one index probe in each of the 8 partitions, never on
-- a shopper's path
create index orders_id_idx on orders (id);

create table order_line (
    customer_id  uuid not null,
    order_id     uuid not null,
    line_no      smallint not null,
    sku          text not null,
    product_id   uuid not null,
    product_name text not null,
    quantity     integer not null check (quantity > 0),
    unit_price   numeric(12, 2) not null check (unit_price > 0),
    primary key (customer_id, order_id, line_no),
    foreign key (customer_id, order_id) references orders (customer_id, id)
) partition by hash (customer_id);

create table order_line_p0 partition of order_line for values with (modulus 8, remainder 0);
create table order_line_p1 partition of order_line for values with (modulus 8, remainder 1);
create table order_line_p2 partition of order_line for values with (modulus 8, remainder 2);
create table order_line_p3 partition of order_line for values with (modulus 8, remainder 3);
create table order_line_p4 partition of order_line for values with (modulus 8, remainder 4);
create table order_line_p5 partition of order_line for values with (modulus 8, remainder 5);
create table order_line_p6 partition of order_line for values with (modulus 8, remainder 6);
create table order_line_p7 partition of order_line for values with (modulus 8, remainder 7);

-- The checkout saga, one row per order: where it stands, what it has asked for (and so what a
-- compensation must undo), and until when it waits for the answer. Replies name only the order,
-- so this table is keyed by order id and remembers the customer (the orders partition key).
create table order_saga (
    order_id          uuid primary key,
    customer_id       uuid not null,
    phase             text not null check (phase in ('AWAITING_STOCK', 'AWAITING_PAYMENT', 'CONFIRMED',
                                                     'REJECTED', 'CANCELLED')),
    stock_requested   boolean not null default false,
    payment_requested boolean not null default false,
    -- the provider's token for the card (no card data), needed by step 2; null when the shopper
    -- cancelled before the saga began
    card_token        text,
    deadline          timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0
);
-- the deadline sweep: "where deadline < now() and phase in (waiting) order by deadline"
create index order_saga_deadline_idx on order_saga (deadline) where phase in ('AWAITING_STOCK', 'AWAITING_PAYMENT');
