// name: 014_version_revision
// params: none
// versions_of_changes reads the versions a change set wrote.
CREATE INDEX FOR (n:Version) ON (n.revision)
