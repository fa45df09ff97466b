-- Seed 002's statistics report the recognition latency: from a frame's arrival at the server to
-- its detection event, measured for the event's first view. Older events have none.
alter table detection_event add column recognition_ms int check (recognition_ms >= 0);
