-- Where an audited call came from, when its transport knew (REST: the caller's address, through
-- trusted proxies as usage tracking resolves it, and its User-Agent); null for facts no caller made
-- (a timer's scheduled report, a batch job) and for WebSocket frames.
alter table audit_log add column ip_address varchar(45);
alter table audit_log add column user_agent varchar(512);
-- The operator's own logins (the admin token) belong to no client.
alter table audit_log alter column client_id drop not null;
