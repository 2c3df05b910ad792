-- What the provider answered, and tombstones: a VoidPayment that arrives before any
-- AuthorizePayment records a VOIDED payment for the order with nothing else, so that a late
-- AuthorizePayment finds it (by the same unique idempotency key) and is declined. Still no
-- card data: a token and the last four digits, nothing more.
alter table payment
    alter column amount drop not null,
    alter column currency drop not null,
    alter column card_token drop not null,
    alter column card_last4 drop not null,
    add column authorization_code text,
    add column reason text,
    add column updated_at timestamptz not null default now();

alter table payment
    add constraint payment_status_check
        check (status in ('PENDING', 'AUTHORIZED', 'DECLINED', 'VOIDED')),
    add constraint payment_tombstone_check
        check (status = 'VOIDED'
               or (amount is not null and currency is not null and card_token is not null and card_last4 is not null)),
    add constraint payment_authorized_check
        check (status <> 'AUTHORIZED' or authorization_code is not null),
    add constraint payment_declined_check
        check (status <> 'DECLINED' or reason is not null),
    add constraint payment_currency_check
        check (currency ~ '^[A-Z]{3}$');
