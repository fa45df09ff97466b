-- Enrollment and authentication sessions, and the face templates enrollment produces.

-- One session of frames: an enrollment of a person, or an authentication (1:1 verification of a
-- named person, or 1:N identification among the client's enrolled people).
create table face_session (
    id                uuid primary key,
    client_id         uuid          not null references client (id) on delete cascade,
    -- SHA-256 of the bearer token: a database reader cannot stream frames into a live session.
    token_hash        char(64)      not null unique,
    purpose           varchar(20)   not null check (purpose in ('ENROLLMENT', 'VERIFICATION', 'IDENTIFICATION')),
    channel           varchar(20)   not null check (channel in ('WEBCAM', 'MOBILE', 'API')),
    status            varchar(20)   not null check (status in ('PENDING', 'ACTIVE', 'PROCESSING', 'COMPLETED', 'FAILED', 'EXPIRED')),
    -- The enrolling or claimed person; in identification, the person identified. Kept as an audit
    -- link only: deleting the person unlinks the session, which holds no face data.
    client_user_id    uuid          references client_user (id) on delete set null,
    require_liveness  boolean       not null,
    target_samples    int           not null,
    min_frames        int           not null,
    max_frames        int           not null,
    required_blinks   int           not null,
    frames_processed  int           not null default 0,
    frames_accepted   int           not null default 0,
    confidence_score  double precision,
    liveness_score    double precision,
    liveness_verified boolean,
    spoof_suspected   boolean       not null default false,
    outcome           varchar(40),
    outcome_message   varchar(500),
    metadata          jsonb         not null default '{}',
    created_at        timestamptz   not null,
    last_frame_at     timestamptz,
    expires_at        timestamptz   not null,
    completed_at      timestamptz,
    version           bigint        not null default 1,
    check (frames_accepted <= frames_processed)
);
create index face_session_client_created on face_session (client_id, created_at desc);
create index face_session_open_expiry on face_session (expires_at) where status in ('PENDING', 'ACTIVE', 'PROCESSING');

-- The template a person is matched against: the normalised mean of the enrollment's samples.
-- Embeddings are sealed (AES-GCM) with the server master key, which never lives in the database.
create table face_template (
    client_user_id        uuid primary key references client_user (id) on delete cascade,
    client_id             uuid          not null references client (id) on delete cascade,
    template_sealed       bytea         not null,
    embedding_model       varchar(100)  not null,
    sample_count          int           not null,
    enrollment_session_id uuid          not null,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               bigint        not null default 1
);
create index face_template_client on face_template (client_id);

-- The accepted frames' embeddings of the latest enrollment, kept so that a new embedding model or
-- a stricter "match any sample" policy can be applied without asking people to enroll again.
create table face_sample (
    id                    uuid primary key,
    client_user_id        uuid          not null references client_user (id) on delete cascade,
    enrollment_session_id uuid          not null,
    embedding_sealed      bytea         not null,
    embedding_model       varchar(100)  not null,
    quality_score         double precision not null,
    created_at            timestamptz   not null
);
create index face_sample_user on face_sample (client_user_id);
