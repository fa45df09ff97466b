-- Seed 004's attendance: people with logins and roles, face tasks, attendance logs, per-client
-- attendance settings and rate limits.

-- A client's people are its client users: seed 004 adds who they are in the organisation and,
-- optionally, a password to log in with (PBKDF2 hash; never stored or logged in clear).
alter table client_user
    add column email            varchar(254),
    add column first_name       varchar(100),
    add column last_name        varchar(100),
    add column role             varchar(20)  not null default 'STUDENT' check (role in ('ADMIN', 'FACULTY', 'STUDENT')),
    add column department       varchar(200),
    add column is_active        boolean      not null default true,
    add column last_login       timestamptz,
    add column password_hash    varchar(255),
    -- Incremented when the password changes or the person is deactivated: older tokens stop working.
    add column login_generation integer      not null default 1 check (login_generation >= 1),
    -- Consecutive failed logins, and the back-off they earned.
    add column failed_logins    integer      not null default 0 check (failed_logins >= 0),
    add column locked_until     timestamptz;
create unique index client_user_email_unique on client_user (client_id, lower(email)) where email is not null;
create index client_user_client_department on client_user (client_id, department);

-- A person's refresh tokens (null: the client's own, from its API key and secret).
alter table refresh_token add column client_user_id uuid references client_user (id) on delete cascade;
create index refresh_token_person on refresh_token (client_user_id) where client_user_id is not null;

-- Access tokens ended by a logout, until they would have expired anyway.
create table revoked_access_token (
    token_id       uuid primary key,
    client_user_id uuid        not null references client_user (id) on delete cascade,
    expires_at     timestamptz not null
);
create index revoked_access_token_person on revoked_access_token (client_user_id, expires_at);

-- The operator's per-client rate limits ({"authentication": 5, ...}); absent categories use the defaults.
alter table client add column rate_limits jsonb not null default '{}';

-- How a client runs attendance: the time zone its days and hours are counted in, how long a
-- recognised person is not logged again, and where mobile check-ins are accepted.
create table attendance_settings (
    client_id              uuid primary key references client (id) on delete cascade,
    time_zone              varchar(64)      not null,
    debounce_seconds       integer          not null check (debounce_seconds >= 0),
    geofence_latitude      double precision check (geofence_latitude between -90 and 90),
    geofence_longitude     double precision check (geofence_longitude between -180 and 180),
    geofence_radius_meters double precision check (geofence_radius_meters > 0),
    updated_at             timestamptz      not null,
    check ((geofence_latitude is null) = (geofence_longitude is null)
       and (geofence_latitude is null) = (geofence_radius_meters is null))
);

-- One attendance: a person seen at a time, and how (camera, verify task, session, mobile, manual).
-- Erasing the person erases their attendance.
create table attendance_log (
    id                uuid primary key,
    client_id         uuid             not null references client (id) on delete cascade,
    client_user_id    uuid             not null references client_user (id) on delete cascade,
    -- The person's department when the attendance was logged: summaries stay true when people move.
    department        varchar(200),
    logged_at         timestamptz      not null,
    source            varchar(20)      not null check (source in ('CAMERA', 'VERIFY', 'SESSION', 'MOBILE', 'MANUAL')),
    camera_code       varchar(100),
    camera_name       varchar(200),
    camera_location   varchar(300),
    confidence        double precision,
    verification_time double precision,
    anti_spoof_score  double precision,
    latitude          double precision,
    longitude         double precision,
    -- Manual marks: why, whom the caller names, and who the credentials really were.
    reason            varchar(500),
    marked_by         varchar(254),
    recorded_by       varchar(300),
    -- The task, session or detection that produced it: each logs a person at most once.
    reference_id      uuid,
    created_at        timestamptz      not null
);
-- Listings and summaries of a client by time: the columns the summary reads are in the index.
create index attendance_log_client_time on attendance_log (client_id, logged_at) include (client_user_id, department);
create index attendance_log_person_time on attendance_log (client_user_id, logged_at);
create index attendance_log_department_time on attendance_log (client_id, department, logged_at) include (client_user_id);
create index attendance_log_camera_time on attendance_log (client_id, camera_code, logged_at);
create unique index attendance_log_reference on attendance_log (reference_id, client_user_id) where reference_id is not null;

-- Seed 004's asynchronous face tasks. The request waits in `input` until the task has run; a
-- restart fails the tasks that were running and runs the queued ones.
create table face_task (
    id              uuid primary key,
    client_id       uuid             not null references client (id) on delete cascade,
    kind            varchar(20)      not null check (kind in ('ENROLL', 'VERIFY', 'BULK_VERIFY')),
    status          varchar(20)      not null check (status in ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED')),
    client_user_id  uuid             references client_user (id) on delete cascade,
    input           bytea,
    result          jsonb,
    error_code      varchar(60),
    error_message   varchar(500),
    processing_time double precision,
    created_at      timestamptz      not null,
    started_at      timestamptz,
    completed_at    timestamptz,
    expires_at      timestamptz      not null,
    version         bigint           not null default 1
);
create index face_task_client_kind_created on face_task (client_id, kind, created_at desc);
create index face_task_unfinished on face_task (status) where status in ('QUEUED', 'PROCESSING');
create index face_task_expiry on face_task (expires_at);
