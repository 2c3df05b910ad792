-- Spring Authorization Server's JDBC schema (oauth2-registered-client-schema.sql,
-- oauth2-authorization-schema.sql and oauth2-authorization-consent-schema.sql from its jar),
-- adapted to PostgreSQL as those files advise: blob -> text, timestamp -> timestamptz.
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamptz   not null default current_timestamp,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);
-- every token request looks the client up by client_id; two instances seeding at once must not
-- create it twice
create unique index oauth2_registered_client_client_id_uk on oauth2_registered_client (client_id);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- Code exchange, refresh, logout (id_token_hint) and userinfo find an authorization by a token
-- value. Hash indexes: the values are long (JWTs) and only ever compared for equality.
create index oauth2_authorization_state_ix on oauth2_authorization using hash (state);
create index oauth2_authorization_code_ix on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_token_ix on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_id_token_ix on oauth2_authorization using hash (oidc_id_token_value);
create index oauth2_authorization_refresh_token_ix on oauth2_authorization using hash (refresh_token_value);
-- for the clean-up of authorizations whose every token has expired
create index oauth2_authorization_expiry_ix on oauth2_authorization
    (greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
              oidc_id_token_expires_at));

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- The RSA key pairs tokens are signed with: generated once, shared by every identity instance,
-- kept across restarts so that issued tokens stay verifiable. The newest one signs.
create table signing_key (
    kid         text        not null primary key,
    private_key bytea       not null, -- PKCS#8 DER
    public_key  bytea       not null, -- X.509 SubjectPublicKeyInfo DER
    created_at  timestamptz not null default now()
);
