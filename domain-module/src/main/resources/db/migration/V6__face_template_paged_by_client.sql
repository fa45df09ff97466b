-- A client's templates are read page by page in client_user_id order (keyset pagination) when its
-- 1:N gallery is built: a million templates do not fit in memory as entities at once. This index
-- serves each page directly; it also serves every lookup by client_id, so it replaces the old one.
create index face_template_client_user on face_template (client_id, client_user_id);
drop index face_template_client;
