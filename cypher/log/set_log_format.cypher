// name: set_log_format
// params: $version
// open: records that the store's change log is in this format (after migrating it).
MERGE (m:LogFormat {id: 'log'})
SET m.version = $version
