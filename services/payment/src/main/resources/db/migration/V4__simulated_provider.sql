-- The far side: what the simulated card provider remembers. Nothing of the payment service
-- reads these tables; in production they would be the provider's, behind its API. They hold
-- no card data: a token's brand, never its number, expiry or security code.

-- One row, shared by every payment instance; changed at run time through PUT /admin/provider.
create table simulated_provider_settings (
    id           boolean primary key default true check (id),
    latency_ms   integer not null default 0 check (latency_ms between 0 and 60000),
    decline_rate numeric(4, 3) not null default 0 check (decline_rate between 0 and 1),
    outage       boolean not null default false,
    updated_at   timestamptz not null default now()
);
insert into simulated_provider_settings default values;

create table simulated_provider_card (
    token      text primary key,
    brand      text not null,
    created_at timestamptz not null default now()
);

-- One answer per idempotency key: the same key always gets the same answer.
create table simulated_provider_authorization (
    idempotency_key    text primary key,
    amount             numeric(12, 2) not null,
    currency           char(3) not null,
    approved           boolean not null,
    authorization_code text,
    decline_reason     text,
    voided_at          timestamptz,
    created_at         timestamptz not null default now(),
    check (approved = (authorization_code is not null)),
    check (approved or decline_reason is not null)
);

-- Cancels by the reference (idempotency key) of the authorization they cancel, so that a
-- merchant who never got the authorization's answer (a timeout) can still cancel it; a cancel
-- that arrives first makes a later authorization under that reference a decline.
create table simulated_provider_void (
    idempotency_key text primary key,
    authorize_key   text not null,
    voided          boolean not null,
    created_at      timestamptz not null default now()
);
create index simulated_provider_void_authorize_key_idx on simulated_provider_void (authorize_key);
