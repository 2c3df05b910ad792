-- The category tree; products, SKUs and prices hang off it in later migrations.
create table category (
    id         bigint generated always as identity primary key,
    parent_id  bigint references category (id),
    slug       text not null unique check (slug ~ '^[a-z0-9-]{1,80}$'),
    name       text not null check (length(name) between 1 and 120),
    created_at timestamptz not null default now()
);
create index category_parent_idx on category (parent_id);
