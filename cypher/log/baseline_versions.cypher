// name: baseline_versions
// params: $revision, $id, $recorded_at, $summary
// migrate to log format 2: a first version (no `before`) for every record that has none, and
// the log entry of that one change set, in one statement (all or nothing). Records that have a
// version already are left alone, so running it again does nothing. `position` is the record's
// `seq`, so that folding the log lists each collection in the order load_all does.
MATCH (n:Record)
OPTIONAL MATCH (old:Version {ref: n.ref})
WITH n, count(old) AS known
WHERE known = 0
WITH collect(n) AS fresh
WHERE size(fresh) > 0
UNWIND fresh AS n
MERGE (v:Version {revision: $revision, ref: n.ref})
ON CREATE SET v.after = n.doc, v.collection = n.collection, v.key = n.id, v.position = n.seq
WITH count(v) AS adopted
WHERE adopted > 0
MERGE (c:Change {id: $id})
ON CREATE SET c.revision = $revision, c.seq = $revision, c.recorded_at = $recorded_at,
              c.recorded_by = 'system', c.summary = $summary, c.replace = false,
              c.upserted = adopted, c.deleted = 0, c.touched = []
RETURN adopted
