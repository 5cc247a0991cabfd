// name: capture_all_versions
// params: $revision
// apply (replace): a (:Version) for every stored record, with its document as `before` and no
// `after` yet: a replace deletes whatever it does not upsert, and the log must say so. Runs
// before capture_versions, which sets `after` for the records upserted.
MATCH (n:Record)
MERGE (v:Version {revision: $revision, ref: n.ref})
ON CREATE SET v.before = n.doc, v.collection = n.collection, v.key = n.id
