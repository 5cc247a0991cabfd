// name: change_history
// params: $ref
// history: the change sets that wrote or deleted one record, oldest first.
MATCH (c:Change)
WHERE $ref IN c.touched
RETURN c.id AS id, c.recorded_at AS recorded_at, c.recorded_by AS recorded_by,
       c.summary AS summary, c.replace AS replace, c.upserted AS upserted, c.deleted AS deleted
ORDER BY c.seq
