// name: 001_migration_version
// params: none
// migrate MERGEs one (:Migration) node per applied DDL file; this keeps two instances
// migrating at once from recording a file twice.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE
