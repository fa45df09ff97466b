-- Seed 002's statistics report the recognition latency: from a frame's arrival at the server to
-- its detection event, measured for the event's first view. Older events have none.
alter table detection_event add column recognition_ms int check (recognition_ms >= 0);

-- Seed 002's facial profiles: where a person's face comes from (a photo URL, a photo uploaded in a
-- bulk import, or an embedding of FaceGate's own model), so that their template can be made again
-- from its source (after a model upgrade) instead of asking people to enroll again.
create table facial_profile (
    id                  uuid primary key,
    client_id           uuid            not null references client (id) on delete cascade,
    client_user_id      uuid            not null references client_user (id) on delete cascade,
    provider            varchar(64)     not null,
    provider_face_id    varchar(255),
    source_version      varchar(64),
    image_url           varchar(2000),
    image_key           varchar(512),
    embedding_sealed    bytea,
    embedding_model     varchar(64),
    active              boolean         not null default true,
    -- The bulk import that created it, if any: its sync covers exactly its profiles.
    import_id           uuid,
    -- The model of the template last made from this profile; null until synced.
    template_model      varchar(64),
    synced_at           timestamptz,
    sync_error          varchar(1000),
    created_at          timestamptz     not null,
    updated_at          timestamptz     not null,
    version             bigint          not null default 1,
    check (image_url is not null or image_key is not null or embedding_sealed is not null)
);
create index facial_profile_client on facial_profile (client_id, id);
create index facial_profile_person on facial_profile (client_user_id);
create index facial_profile_import on facial_profile (import_id) where import_id is not null;

-- A profile sync: a run of the sync-facial-profiles Jakarta Batch job over a scope of profiles; a sync
-- cut off by a crash, or failed, goes on as a new run of the job with the same parameters.
create table profile_sync (
    id                  uuid primary key,
    -- The latest run's job execution (the first, or the last resumption).
    execution_id        bigint          not null,
    resumptions         int             not null default 0,
    client_id           uuid            not null references client (id) on delete cascade,
    total               int             not null check (total >= 0),
    started_at          timestamptz     not null
);
create index profile_sync_client on profile_sync (client_id, started_at desc);

-- What became of each profile in a sync, written in the chunk's transaction with its template. They
-- are the sync's checkpoint: a resumed run reads only the profiles without an item, so that each
-- profile is processed and recorded once (the primary key). No foreign key to profile_sync: the
-- job may write its first chunk before its starter has recorded the sync.
create table profile_sync_item (
    sync_id             uuid            not null,
    profile_id          uuid            not null,
    succeeded           boolean         not null,
    error_code          varchar(64),
    error_message       varchar(1000),
    processed_at        timestamptz     not null,
    primary key (sync_id, profile_id)
);

-- A client's scheduled profile sync, cron-like (minute hour day-of-month month day-of-week, server time zone).
create table profile_sync_schedule (
    client_id           uuid primary key references client (id) on delete cascade,
    cron                varchar(120)    not null,
    updated_at          timestamptz     not null
);
