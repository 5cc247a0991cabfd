// name: changes_after
// params: $after, $limit
// changes_since: the log's entries after a revision, oldest first, one page.
MATCH (c:Change)
WHERE c.revision > $after
RETURN c.revision AS revision, c.id AS id, c.recorded_at AS recorded_at,
       c.recorded_by AS recorded_by, c.summary AS summary, c.comment AS comment,
       c.document AS document, c.replace AS replace, c.upserted AS upserted,
       c.deleted AS deleted
ORDER BY revision
LIMIT $limit
