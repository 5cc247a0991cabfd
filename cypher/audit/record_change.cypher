// name: record_change
// params: $id, $recorded_at, $recorded_by, $summary, $replace, $upserted, $deleted, $touched
// apply: the audit node of one change set, written last. `seq` (apply order) is given only
// when the node is created, so a replayed change set keeps its place. `touched` lists the
// refs written or deleted: history survives the deletion of the record itself.
OPTIONAL MATCH (prev:Change)
WITH coalesce(max(prev.seq), 0) + 1 AS next_seq
MERGE (c:Change {id: $id})
ON CREATE SET c.seq = next_seq
SET c.recorded_at = $recorded_at,
    c.recorded_by = $recorded_by,
    c.summary = $summary,
    c.replace = $replace,
    c.upserted = $upserted,
    c.deleted = $deleted,
    c.touched = $touched
