// name: record_change
// params: $id, $revision, $recorded_at, $recorded_by, $summary, $comment, $document, $replace, $touched
// apply: the change log's entry of one change set, written last. Keyed by the change set's
// id, so a replayed change set writes it once; `revision` is its place in the log (given
// before the first statement ran). The counts come from the versions it wrote, so a replace
// counts every record it deleted. `touched` lists the refs named by the change set.
OPTIONAL MATCH (v:Version {revision: $revision})
WITH count(v) AS total, sum(CASE WHEN v.after IS NULL THEN 1 ELSE 0 END) AS deleted
MERGE (c:Change {id: $id})
SET c.revision = $revision,
    c.seq = $revision,
    c.recorded_at = $recorded_at,
    c.recorded_by = $recorded_by,
    c.summary = $summary,
    c.comment = $comment,
    c.document = $document,
    c.replace = $replace,
    c.upserted = total - deleted,
    c.deleted = deleted,
    c.touched = $touched
RETURN c.upserted AS upserted, c.deleted AS deleted
