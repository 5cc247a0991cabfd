// name: 013_version_ref
// params: none
// record_versions reads one record's versions; capture_versions MERGEs by (revision, ref).
CREATE INDEX FOR (n:Version) ON (n.ref)
