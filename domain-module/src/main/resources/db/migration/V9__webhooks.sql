-- Webhooks: a client's endpoints, the outbox of deliveries written in the same transaction as the
-- facts they report, and the log of every attempt to send one.

create table webhook_endpoint (
    id                          uuid primary key,
    client_id                   uuid           not null references client (id) on delete cascade,
    url                         varchar(2048)  not null,
    description                 varchar(500),
    -- JSON array of subscribed event types ("enrollment.completed", ...), or ["*"] for all of them.
    events                      jsonb          not null,
    format                      varchar(20)    not null check (format in ('STANDARD', 'FACEGATE_LEGACY')),
    is_active                   boolean        not null,
    -- Standard Webhooks secrets ("whsec_" + base64) and the optional bearer token, sealed with the
    -- server master key. During a rotation's overlap the previous secret signs as well.
    signing_secret_sealed       text           not null,
    previous_secret_sealed      text,
    previous_secret_expires_at  timestamptz,
    bearer_token_sealed         text,
    -- Since when every attempt has failed (null after a success); five days of it disable the endpoint.
    failing_since               timestamptz,
    disabled_reason             varchar(20)    check (disabled_reason in ('GONE', 'FAILING')),
    disabled_at                 timestamptz,
    created_at                  timestamptz    not null,
    updated_at                  timestamptz    not null,
    version                     bigint         not null default 1
);
create index webhook_endpoint_client on webhook_endpoint (client_id, created_at desc);

-- One event for one endpoint. The id is the webhook-id header, the same on every attempt.
-- PENDING waits for next_attempt_at; SENDING is claimed by a dispatcher until next_attempt_at (a
-- lease: a dispatcher that died leaves it due again); SUCCEEDED, FAILED and CANCELLED are final;
-- NOTICE is a log entry that is never sent (webhook.disabled).
create table webhook_delivery (
    id                uuid primary key,
    endpoint_id       uuid           not null references webhook_endpoint (id) on delete cascade,
    event_type        varchar(64)    not null,
    -- The exact body that is signed and sent.
    payload           text           not null,
    status            varchar(20)    not null check (status in ('PENDING', 'SENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'NOTICE')),
    attempt_count     integer        not null default 0,
    -- Attempts since the delivery was created or last replayed: the step of the retry schedule.
    round_attempts    integer        not null default 0,
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(1000),
    created_at        timestamptz    not null,
    check ((status in ('PENDING', 'SENDING')) = (next_attempt_at is not null))
);
-- What the dispatchers claim: due deliveries, oldest first.
create index webhook_delivery_due on webhook_delivery (next_attempt_at, created_at) where status in ('PENDING', 'SENDING');
-- An endpoint's log, newest first, and its filters.
create index webhook_delivery_endpoint_created on webhook_delivery (endpoint_id, created_at desc);
-- The retention purge.
create index webhook_delivery_created on webhook_delivery (created_at);

create table webhook_attempt (
    id                uuid primary key,
    delivery_id       uuid              not null references webhook_delivery (id) on delete cascade,
    attempt_number    integer           not null,
    -- SCHEDULED (the outbox), REPLAY (a client's replay), TEST (POST .../test/).
    trigger           varchar(20)       not null check (trigger in ('SCHEDULED', 'REPLAY', 'TEST')),
    started_at        timestamptz       not null,
    latency_ms        double precision  not null check (latency_ms >= 0),
    status_code       integer,
    -- At most 4 KB of the receiver's answer.
    response_excerpt  varchar(4096),
    error             varchar(1000),
    -- When the next attempt is due after this one; null when this one ended the delivery.
    next_attempt_at   timestamptz
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt_number);
