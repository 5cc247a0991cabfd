// name: log_format
// params: none
// open: the format of the change log in this store (absent: written before the log kept
// record versions, and must be migrated).
OPTIONAL MATCH (m:LogFormat {id: 'log'})
RETURN m.version AS version
