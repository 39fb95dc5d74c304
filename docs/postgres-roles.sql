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
-- Then give each operator a login of their own in the operator role:
--
--   CREATE ROLE siti LOGIN PASSWORD 'change-me' IN ROLE envtrack_operator;
--
-- and set the analyst's password (`\password envtrack_analyst`) for the scheduled
-- `envtrack projections update`. Every statement below is also checked by tests/test_pg_roles.py.
--
-- A store made before sync: let its owner open it once (`envtrack init`), which adds sync's
-- tables, then run the GRANT lines of the two "Sync" paragraphs below.

-- Operators: a group role; people log in as its members.
CREATE ROLE :"operator" NOLOGIN;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"operator";
GRANT USAGE ON SCHEMA :"schema" TO :"operator";
-- Recording inserts events (and, every 50 events of a site, ledger or pond, a snapshot) and
-- reads them back to check the rules. No UPDATE, DELETE or TRUNCATE: the log is append-only.
GRANT SELECT, INSERT ON :"schema".envtrack_events TO :"operator";
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
