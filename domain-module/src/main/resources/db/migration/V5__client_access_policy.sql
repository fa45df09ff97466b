-- Counts a client's API secret rotations. Access tokens carry the generation they were issued
-- under, so rotating the secret revokes every token of the previous secret at their next request.
alter table client add column secret_generation integer not null default 1 check (secret_generation >= 1);

-- Whether a browser credential (the API key alone) may open an enrollment for a person who is
-- already enrolled, i.e. replace their face. Off by default: with only the public key anyone could
-- otherwise enroll their own face under someone else's id and then verify as them.
alter table client add column allow_browser_reenrollment boolean not null default false;
