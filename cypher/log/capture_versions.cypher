// name: capture_versions
// params: $revision, $rows
// apply: one (:Version) per record the change set writes or deletes, keyed by (revision, ref),
// written before anything else of the change. `before` is the record's document as it stands
// when the version is first created (absent: the record did not exist), so a replayed change
// set keeps what the record was; `after` is the document written (absent: a deletion);
// `position` is the record's place in the change set, so that folding the log keeps order.
UNWIND $rows AS row
OPTIONAL MATCH (n:Record {ref: row.ref})
MERGE (v:Version {revision: $revision, ref: row.ref})
ON CREATE SET v.before = n.doc
SET v.collection = row.collection, v.key = row.key, v.after = row.after,
    v.position = row.position
