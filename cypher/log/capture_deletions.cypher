// name: capture_deletions
// params: $revision, $rows
// apply: a (:Version) without `after` for every stored record the change set deletes, with its
// document as `before`; refs that name no record leave no version. Written before the
// deletion itself, so a replay finds the version already there.
UNWIND $rows AS row
MATCH (n:Record {ref: row.ref})
MERGE (v:Version {revision: $revision, ref: row.ref})
ON CREATE SET v.before = n.doc, v.collection = n.collection, v.key = n.id
