-- Faces the cameras saw: one event per tracked face (a walk past the camera), updated when a
-- better view arrives. Snapshots (the face and the whole frame) are S3 objects, deleted after the
-- retention period; erasing a person removes their link and their snapshots.
create table detection_event (
    id                  uuid primary key,
    client_id           uuid            not null references client (id) on delete cascade,
    -- The camera is kept as its code too: an event outlives the camera's deletion.
    camera_id           uuid            references camera (id) on delete set null,
    camera_code         varchar(64)     not null,
    track_id            uuid            not null,
    status              varchar(20)     not null check (status in ('MATCHED', 'MULTIPLE_MATCHES', 'NEW_FACE', 'UNKNOWN')),
    -- No foreign key: erasing a person (ClientUserDeleted) clears this link and deletes the
    -- pictures in the erasing transaction, after the person's row is gone.
    client_user_id      uuid,
    candidates          int             not null default 0,
    confidence          double precision,
    box_top             int             not null,
    box_right           int             not null,
    box_bottom          int             not null,
    box_left            int             not null,
    quality_score       double precision not null,
    face_crop_key       varchar(512),
    frame_snapshot_key  varchar(512),
    detected_at         timestamptz     not null,
    updated_at          timestamptz     not null,
    last_seen_at        timestamptz     not null,
    version             bigint          not null default 1
);
create index detection_event_client_time on detection_event (client_id, detected_at desc);
create index detection_event_camera_time on detection_event (camera_id, detected_at desc);
create index detection_event_person on detection_event (client_user_id) where client_user_id is not null;
create index detection_event_snapshots on detection_event (detected_at) where frame_snapshot_key is not null;
