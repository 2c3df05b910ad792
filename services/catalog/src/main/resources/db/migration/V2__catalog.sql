-- The catalog: the category tree, products, SKUs, images, full-text search and the outbox.
--
-- V1's category table was created empty and nothing wrote to it. Its ids become uuids (minted by
-- the service, so the seeder and the outbox know an id before the insert) and it gains the
-- columns the tree needs. Refuse rather than lose rows if that assumption ever breaks.
do $$
begin
    if exists (select 1 from category) then
        raise exception 'V2 expects the category table created by V1 to be empty';
    end if;
end
$$;
drop table category;

-- trusted extension (PostgreSQL 13+): the database owner may create it
create extension if not exists pg_trgm;

create table category (
    id          uuid primary key,
    parent_id   uuid references category (id),
    slug        text not null unique check (slug ~ '^[a-z0-9-]{1,80}$'),
    name        text not null check (length(name) between 1 and 120),
    description text not null default '' check (length(description) <= 4000),
    position    integer not null default 0,
    status      text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
-- children of a node in tree order; the whole tree is ~50 rows and is read with one scan anyway
create index category_parent_idx on category (parent_id, position);

create table product (
    id           uuid primary key,
    slug         text not null unique check (slug ~ '^[a-z0-9-]{1,140}$'),
    name         text not null check (length(name) between 1 and 120),
    description  text not null default '' check (length(description) <= 4000),
    category_id  uuid not null references category (id),
    price_amount numeric(12, 2) not null check (price_amount > 0),
    currency     char(3) not null default 'EUR',
    featured     boolean not null default false,
    status       text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      bigint not null default 0,
    -- name outranks description: ts_rank_cd weighs A at 1.0 and B at 0.4
    search       tsvector generated always as (
                     setweight(to_tsvector('english', name), 'A')
                     || setweight(to_tsvector('english', coalesce(description, '')), 'B')) stored
);

-- Category pages: "where category_id in (<the category and its descendants>) and status = 'ACTIVE'
-- order by <sort key>, id limit 24 offset n", and a count(*) of the same rows.
-- EXPLAIN ANALYZE on the seeded 10,000 products (~200 per leaf, ~1,300 per department): for a
-- leaf, an index-only scan of (category_id, key, id) returns rows already in page order, so the
-- limit stops it early (no sort node, 0.02 ms); for a department, one index-only scan with
-- "category_id = any(<7 ids>)" reads its ~1,300 entries and a top-N heapsort picks the page
-- (about 1 ms, also at offset 480). The count is an index-only scan of the same index (0.2 ms).
-- Partial on ACTIVE because retired products are never listed; the id tie-break makes the
-- order total, so pages are stable and keyset-ready (key, id). price_desc sorts
-- (price desc, id desc), so one index serves both directions by scanning it backwards.
create index product_listing_price_idx on product (category_id, price_amount, id) where status = 'ACTIVE';
create index product_listing_name_idx on product (category_id, name, id) where status = 'ACTIVE';
create index product_listing_newest_idx on product (category_id, created_at desc, id desc) where status = 'ACTIVE';
-- the home page: "new" reads this from the top and stops after `limit` rows; "featured" (~5 %)
-- gets its own partial index in the same order (an index-only scan of 8 entries, 0.1 ms)
create index product_new_idx on product (created_at desc, id desc) where status = 'ACTIVE';
create index product_featured_idx on product (created_at desc, id desc) where status = 'ACTIVE' and featured;
-- the staff list, newest edits first
create index product_updated_idx on product (updated_at desc, id desc);
-- full-text search: "search @@ websearch_to_tsquery(...)" is a bitmap scan of this index
create index product_search_idx on product using gin (search);
-- typo fallback and suggestions: "lower(name) like 'abc%'", "'abc' <% lower(name)" (word
-- similarity) and the staff list's "lower(name) like '%abc%'" all use trigrams of lower(name)
create index product_name_trgm_idx on product using gin (lower(name) gin_trgm_ops);

create table sku (
    sku            text primary key check (sku ~ '^[A-Z0-9-]{3,40}$'),
    product_id     uuid not null references product (id),
    size           text,
    colour         text,
    price_override numeric(12, 2) check (price_override > 0),
    position       integer not null default 0
);
create index sku_product_idx on sku (product_id, position);

create table product_image (
    id           uuid primary key,
    product_id   uuid not null references product (id),
    position     integer not null default 0,
    content_type text not null check (content_type in ('image/svg+xml', 'image/png', 'image/jpeg', 'image/webp')),
    bytes        bytea not null,
    sha256       char(64) not null,
    alt          text not null default '',
    created_at   timestamptz not null default now()
);
-- a product's images in order, and the first one for every summary on a page
create index product_image_product_idx on product_image (product_id, position, id);

-- The vocabulary of product names, for "did you mean": a misspelt query word is replaced by the
-- most similar (trigram) word that exists here. ~2,000 rows instead of trigram-scanning 10,000 names.
create table search_word (
    word      text primary key,
    frequency integer not null
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

-- Transactional outbox: a row is written in the same transaction as the change it reports; the
-- relay sends unsent rows to Kafka (catalog.changed) and stamps sent_at.
create table outbox (
    id           bigint generated always as identity primary key,
    aggregate_id uuid not null,
    event_type   text not null,
    payload      json not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
-- the relay's "where sent_at is null order by id limit n for update skip locked" reads only this
create index outbox_unsent_idx on outbox (id) where sent_at is null;
