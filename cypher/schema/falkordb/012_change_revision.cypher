// name: 012_change_revision
// params: none
// changes_after and record_versions find log entries by revision.
CREATE INDEX FOR (n:Change) ON (n.revision)
