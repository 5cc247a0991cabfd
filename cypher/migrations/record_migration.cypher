// name: record_migration
// params: $version, $name, $applied_at
// migrate: records that one schema file was applied (applied_at: ISO timestamp). MERGE by
// version, so two instances migrating at once record it once.
MERGE (m:Migration {version: $version})
ON CREATE SET m.name = $name, m.applied_at = $applied_at
