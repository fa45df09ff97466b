-- Tenants, their end users, and the credentials that authenticate API callers.

create table client (
    id                uuid primary key,
    name              varchar(200)  not null,
    api_key           varchar(64)   not null unique,
    api_secret_hash   varchar(255)  not null,
    -- The secret itself is needed to encrypt session results (seed 003: key = SHA-256(secret));
    -- it is stored only sealed with the server master key, which never lives in the database.
    api_secret_sealed text          not null,
    status            varchar(20)   not null check (status in ('ACTIVE', 'DISABLED')),
    allowed_origins   jsonb         not null default '[]',
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 1
);

create table client_user (
    id                      uuid primary key,
    client_id               uuid          not null references client (id) on delete cascade,
    external_user_id        varchar(255)  not null,
    display_name            varchar(255),
    is_enrolled             boolean       not null default false,
    enrollment_completed_at timestamptz,
    profile_image_key       varchar(512),
    metadata                jsonb         not null default '{}',
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 1,
    constraint client_user_external_id_unique unique (client_id, external_user_id)
);
create index client_user_client_created on client_user (client_id, created_at desc);

create table admin_credential (
    id          uuid primary key,
    name        varchar(100) not null unique,
    token_hash  varchar(255) not null,
    created_at  timestamptz  not null
);

-- Refresh tokens rotate: each use marks the token used and issues its successor in the same family.
-- Presenting a used token again revokes the whole family (a stolen token is useless to both holders).
create table refresh_token (
    id           uuid primary key,
    family_id    uuid         not null,
    client_id    uuid         not null references client (id) on delete cascade,
    scope        varchar(20)  not null,
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    revoked_at   timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_expiry on refresh_token (expires_at);
