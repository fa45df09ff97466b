-- One row per authenticated API call of a client (seed 000 usage tracking), written in batches
-- off the request path. Rows are purged after facegate.usage.retention-days (default 90).

create table api_usage (
    id               uuid primary key,
    client_id        uuid              not null references client (id) on delete cascade,
    endpoint         varchar(32)       not null,
    method           varchar(16)       not null,
    status_code      integer           not null check (status_code between 100 and 599),
    response_time_ms double precision  not null check (response_time_ms >= 0),
    ip_address       varchar(45),
    user_agent       varchar(512),
    -- {"path", "query_params", "view_name"}
    metadata         jsonb             not null default '{}',
    created_at       timestamptz       not null
);
-- A client's calls newest first (the listing, its filters and the daily summary all start here).
create index api_usage_client_created on api_usage (client_id, created_at desc);
-- The nightly retention purge.
create index api_usage_created on api_usage (created_at);
