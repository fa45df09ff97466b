-- The security audit log (seed 004's GET /api/v1/security/audit-logs/): one row per audited fact
-- (logins, logouts, enrollments, verifications, attendance marks, erasures, spoof suspicions,
-- exports), written in the fact's own transaction. Append-only: the application never updates a
-- row; rows leave only through the retention purge (purge-audit-logs) or with their client.
create table audit_log (
    id           bigint generated always as identity primary key,
    client_id    uuid          not null references client (id) on delete cascade,
    occurred_at  timestamptz   not null,
    action       varchar(40)   not null,
    -- The person concerned, by the client's own id for them (employee_id / external user id).
    user_id      varchar(255),
    success      boolean       not null,
    severity     varchar(10)   not null check (severity in ('INFO', 'WARNING', 'ERROR')),
    details      jsonb         not null default '{}'
);
create index audit_log_client_time on audit_log (client_id, occurred_at desc, id desc);
create index audit_log_occurred on audit_log (occurred_at);
