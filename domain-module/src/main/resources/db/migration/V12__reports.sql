-- Reports: each client's working calendar (which days count in an attendance rate) and the
-- reports requested of it (JSON answered at once; PDF and Excel files made by a batch job).

-- Days a client works: ISO weekdays (1 = Monday) and holidays. A client without a row works
-- Monday to Friday with no holidays.
create table work_calendar (
    client_id    uuid primary key references client (id) on delete cascade,
    working_days varchar(60)  not null,
    -- ISO dates, comma-separated, ascending.
    holidays     text         not null default '',
    updated_at   timestamptz  not null
);

-- One requested report. `parameters` is the request (range, filters); `summary` the figures
-- computed when it was requested, which the batch job lays out with the per-person rows it
-- streams from attendance_log.
create table report (
    id             uuid primary key,
    client_id      uuid          not null references client (id) on delete cascade,
    -- Seed 004's report_id: RPT_<yyyyMMdd>_<nnn>, numbered per client and day (UTC).
    number         varchar(40)   not null,
    format         varchar(10)   not null check (format in ('JSON', 'PDF', 'EXCEL')),
    status         varchar(20)   not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    parameters     jsonb         not null,
    summary        jsonb,
    -- Who asked: person:<id> (a person's login) or client:<id> (the client's own credentials).
    requested_by   varchar(60)   not null,
    execution_id   bigint,
    rows_total     integer       not null default 0 check (rows_total >= 0),
    rows_written   integer       not null default 0 check (rows_written >= 0),
    object_key     varchar(300),
    byte_size      bigint,
    error_message  varchar(500),
    created_at     timestamptz   not null,
    completed_at   timestamptz
);
create unique index report_number_unique on report (client_id, number);
create index report_client_created on report (client_id, created_at desc);
create index report_requester_created on report (client_id, requested_by, created_at desc);

-- A client's standing order for a report file: after each day, week (Monday to Sunday) or month of
-- its time zone, the report of that period is made and announced as the report.ready webhook.
create table report_schedule (
    id             uuid primary key,
    client_id      uuid          not null references client (id) on delete cascade,
    frequency      varchar(10)   not null check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY')),
    format         varchar(10)   not null check (format in ('PDF', 'EXCEL')),
    department     varchar(200),
    -- Employee ids, comma-separated: whom the report counts (empty: everyone).
    employee_ids   text          not null default '',
    is_active      boolean       not null default true,
    next_run_at    timestamptz   not null,
    last_run_at    timestamptz,
    last_report_id uuid          references report (id) on delete set null,
    created_at     timestamptz   not null
);
create index report_schedule_due on report_schedule (next_run_at) where is_active;
create index report_schedule_client on report_schedule (client_id, created_at);
