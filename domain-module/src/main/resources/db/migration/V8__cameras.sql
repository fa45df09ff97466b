-- Cameras a client registers (ESP32 MJPEG, JPEG snapshot, RTSP), and what the polling server observes.

create table camera (
    id               uuid primary key,
    client_id        uuid           not null references client (id) on delete cascade,
    -- The client's own id for the camera (seed 004's "id", e.g. CAM001), unique per client.
    code             varchar(64)    not null,
    name             varchar(200)   not null,
    location         varchar(300),
    ip_address       varchar(100),
    source_kind      varchar(20)    not null check (source_kind in ('MJPEG', 'SNAPSHOT', 'RTSP')),
    -- URLs never carry credentials: the user name is a column, the password is sealed with the
    -- server master key (which never lives in the database).
    stream_url       varchar(2000)  not null,
    snapshot_url     varchar(2000),
    username         varchar(200),
    password_sealed  text,
    is_active        boolean        not null,
    detect_fps       int            not null check (detect_fps between 1 and 30),
    match_threshold  double precision check (match_threshold > 0 and match_threshold < 1),
    min_face_size    int            not null check (min_face_size between 16 and 2048),
    cooldown_seconds int            not null check (cooldown_seconds between 0 and 86400),
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    version          bigint         not null default 1,
    constraint camera_code_unique unique (client_id, code)
);
create index camera_client_created on camera (client_id, created_at desc);
create index camera_active on camera (is_active) where is_active;

-- Written only by the server holding the camera's lease: one server polls each active camera. A
-- lease not renewed before lease_expires_at (database time) may be claimed by another server.
create table camera_state (
    camera_id         uuid primary key references camera (id) on delete cascade,
    status            varchar(20)    not null check (status in ('ONLINE', 'OFFLINE')),
    status_since      timestamptz    not null,
    lease_holder      varchar(200),
    lease_expires_at  timestamptz,
    last_frame_at     timestamptz,
    resolution        varchar(20),
    fps_received      double precision,
    fps_analysed      double precision,
    frames_skipped    bigint         not null default 0,
    bandwidth_bps     double precision,
    quality_score     double precision,
    error_count       bigint         not null default 0,
    last_error        varchar(500),
    last_error_at     timestamptz,
    updated_at        timestamptz    not null
);
