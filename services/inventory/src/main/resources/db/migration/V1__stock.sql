-- Stock per SKU per warehouse. "version" is the compare-and-swap column for reservations.
create table warehouse (
    id   smallint generated always as identity primary key,
    code text not null unique,
    name text not null
);
create table stock (
    sku          text not null,
    warehouse_id smallint not null references warehouse (id),
    on_hand      integer not null check (on_hand >= 0),
    reserved     integer not null default 0 check (reserved >= 0 and reserved <= on_hand),
    version      bigint not null default 0,
    primary key (sku, warehouse_id)
);
