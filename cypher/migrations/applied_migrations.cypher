// name: applied_migrations
// params: none
// migrate: the versions of the schema files already applied to this database, recorded by
// record_migration (the DDL itself lives in schema/<dialect>/).
MATCH (m:Migration)
RETURN m.version AS version, m.name AS name
ORDER BY version
