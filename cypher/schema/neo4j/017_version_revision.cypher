// name: 017_version_revision
// params: none
// versions_of_changes reads the versions a change set wrote.
CREATE INDEX version_revision IF NOT EXISTS FOR (n:Version) ON (n.revision)
