// name: 015_change_revision
// params: none
// head_revision, changes_after and record_versions find log entries by revision.
CREATE INDEX change_revision IF NOT EXISTS FOR (n:Change) ON (n.revision)
