-- Security incidents (seed 004's POST /api/v1/security/report-incident/): reported by a client's
-- admins, or raised by FaceGate itself from a spoof suspicion or repeated liveness failures.
create table security_incident (
    id                 uuid primary key,
    client_id          uuid          not null references client (id) on delete cascade,
    type               varchar(30)   not null check (type in ('SPOOFING_ATTEMPT', 'LIVENESS_FAILURES', 'UNAUTHORIZED_ACCESS',
                                                              'TAILGATING', 'CAMERA_TAMPERING', 'OTHER')),
    severity           varchar(10)   not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    origin             varchar(10)   not null check (origin in ('REPORTED', 'AUTOMATIC')),
    -- The client's camera id (seed 004's camera_id), when the incident concerns a camera.
    camera_code        varchar(100),
    description        varchar(2000) not null,
    occurred_at        timestamptz   not null,
    -- The photo in object storage, when one was sent.
    image_key          varchar(300),
    image_content_type varchar(40),
    -- person:<id>, client:<id>, or facegate for automatic ones.
    reported_by        varchar(60)   not null,
    -- For automatic incidents: the session and the person concerned.
    session_id         uuid,
    client_user_id     uuid          references client_user (id) on delete set null,
    created_at         timestamptz   not null
);
create index security_incident_client_time on security_incident (client_id, occurred_at desc, id);
create index security_incident_person_type on security_incident (client_user_id, type, created_at desc) where origin = 'AUTOMATIC';
