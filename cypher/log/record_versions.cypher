// name: record_versions
// params: $ref
// history: every version of one record with the entry of the change set that wrote it,
// oldest first. A deleted record keeps its versions.
MATCH (v:Version {ref: $ref})
MATCH (c:Change {revision: v.revision})
RETURN v.revision AS revision, v.collection AS collection, v.key AS key,
       v.before AS before, v.after AS after,
       c.id AS id, c.recorded_at AS recorded_at, c.recorded_by AS recorded_by,
       c.summary AS summary, c.comment AS comment, c.document AS document,
       c.replace AS replace, c.upserted AS upserted, c.deleted AS deleted
ORDER BY revision
