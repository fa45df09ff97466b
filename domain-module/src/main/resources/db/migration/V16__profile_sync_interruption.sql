-- A sync whose run the last stop cut off: set at start-up, in the transaction that marks the run
-- failed in the job repository; cleared when the recovery resumes the sync.
alter table profile_sync add column interrupted_at timestamptz;
