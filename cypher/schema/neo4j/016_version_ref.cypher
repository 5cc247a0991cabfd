// name: 016_version_ref
// params: none
// record_versions reads one record's versions; capture_versions MERGEs by (revision, ref).
CREATE INDEX version_ref IF NOT EXISTS FOR (n:Version) ON (n.ref)
