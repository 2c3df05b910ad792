-- The catalog generation: one counter bumped in the same transaction as every staff change
-- (CatalogEvents), so "the catalog at generation N" names one committed state. Caches key
-- listings by it and stamp product entries with it; the storefront builds page ETags from it.
create table catalog_version (
    -- a single row
    id                 boolean primary key default true check (id),
    version            bigint not null,
    changed_at         timestamptz not null,
    -- the generation of the last category change: product pages show category names and
    -- breadcrumbs, so a product cache entry older than this is stale
    categories_version bigint not null,
    -- names this database in shared cache keys, so a Redis that outlives a re-created database
    -- (or serves several test databases) never hands one database's entries to another
    epoch              uuid not null default gen_random_uuid()
);
insert into catalog_version (version, changed_at, categories_version) values (1, now(), 1);

-- the generation of the product's last change (edits, retire/restore, images)
alter table product add column generation bigint not null default 0;
