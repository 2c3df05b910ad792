-- Payments keep only a card token and its last four digits, never card data.
create table payment (
    id              uuid primary key default gen_random_uuid(),
    order_id        uuid not null,
    idempotency_key text not null unique,
    amount          numeric(12, 2) not null check (amount > 0),
    currency        char(3) not null,
    card_token      text not null,
    card_last4      char(4) not null check (card_last4 ~ '^[0-9]{4}$'),
    status          text not null,
    created_at      timestamptz not null default now()
);
create index payment_order_idx on payment (order_id);
