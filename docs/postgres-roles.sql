-- envtrack on PostgreSQL: an operator role that records events but can never change or remove
-- one, and an analyst role that reads the events and keeps the read models (projections).
--
-- Run once, after `envtrack init` has created the store, as the database superuser (or a role
-- with CREATEROLE that owns the envtrack tables), in the envtrack database:
--
--   psql -d envtrack -v schema=envtrack -v operator=envtrack_operator \
--        -v analyst=envtrack_analyst -f docs/postgres-roles.sql
--
-- `schema` is the schema given in the store URL (`?schema=envtrack`; `public` without one).
-- Then give each operator a login of their own in the operator role, whose transactions the
-- server ends when they are left idle for 30 seconds (a laptop put to sleep, a psql session left
-- open while holding the insert lock would otherwise stop everyone's recording). PostgreSQL takes
-- such a setting from the role one logs in as, never from its groups: give it to every login.
--
--   CREATE ROLE siti LOGIN PASSWORD 'change-me' IN ROLE envtrack_operator;
--   ALTER ROLE siti SET idle_in_transaction_session_timeout = '30s';
--
-- and set the analyst's password (`\password envtrack_analyst`) for the scheduled
-- `envtrack projections update`. Every statement here is also checked by tests/test_pg_roles.py
-- and tests/test_pg_hardening.py.
--
-- Roles set up by an earlier version of this file (INSERT on the whole events table, no idle
-- limit): run the REVOKE and the GRANT INSERT (…) below for the operator role, and the ALTER ROLE
-- lines for it and each login:
--
--   REVOKE INSERT ON envtrack.envtrack_events FROM envtrack_operator;
--   GRANT INSERT (originator_id, originator_version, topic, state) ON envtrack.envtrack_events TO envtrack_operator;
--
-- A store made before sync: let its owner open it once (`envtrack init`), which adds sync's
-- tables, then run the GRANT lines of the two "Sync" paragraphs below.

-- Operators: a group role; people log in as its members.
CREATE ROLE :"operator" NOLOGIN;
-- The same for a session that logs in as the group role itself (see above for each login).
ALTER ROLE :"operator" SET idle_in_transaction_session_timeout = '30s';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"operator";
GRANT USAGE ON SCHEMA :"schema" TO :"operator";
-- Recording inserts events (and, every 50 events of a site, ledger or pond, a snapshot) and
-- reads them back to check the rules. No UPDATE, DELETE or TRUNCATE: the log is append-only.
-- An event's position (notification_id) is always the sequence's next number: operators may
-- insert only the other columns, so no one can place an event at a position of their choosing.
GRANT SELECT ON :"schema".envtrack_events TO :"operator";
GRANT INSERT (originator_id, originator_version, topic, state) ON :"schema".envtrack_events TO :"operator";
GRANT SELECT, INSERT ON :"schema".envtrack_snapshots TO :"operator";
-- Positions in the log come from this sequence.
GRANT USAGE ON SEQUENCE :"schema".envtrack_events_notification_id_seq TO :"operator";
-- Inserts are serialised by an EXCLUSIVE lock on the events table, which PostgreSQL grants only
-- to roles that may UPDATE or DELETE it; this function (owned by the store's owner) takes that
-- lock for the inserting transaction instead, and does nothing else.
GRANT EXECUTE ON FUNCTION :"schema".envtrack_lock_events() TO :"operator";
-- Sync: an operator may push a school's store into this one (`envtrack sync push --to`) and
-- import its bundles (`envtrack bundle import`): the events come with a tracking record (the
-- last position taken from that store), where each came from, and those held aside by a
-- conflict, all inserted, never changed. The store's id is read, never written.
GRANT SELECT ON :"schema".envtrack_store TO :"operator";
GRANT SELECT, INSERT ON :"schema".envtrack_tracking, :"schema".envtrack_copied, :"schema".envtrack_held TO :"operator";

-- Analysts: one login role that owns the read models (a rebuild replaces their tables, which
-- only their owner may do). It reads events and never writes them.
CREATE ROLE :"analyst" LOGIN;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"analyst";
GRANT USAGE, CREATE ON SCHEMA :"schema" TO :"analyst";
GRANT SELECT ON :"schema".envtrack_events TO :"analyst";
GRANT SELECT ON :"schema".envtrack_snapshots TO :"analyst";
-- Sync: reading its tables: `envtrack sync status`, `log` (which store an event came from), and
-- this store as the source of a school's `envtrack sync pull --from`.
GRANT SELECT ON :"schema".envtrack_store, :"schema".envtrack_tracking, :"schema".envtrack_copied,
    :"schema".envtrack_held TO :"analyst";
