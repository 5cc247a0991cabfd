// name: head_revision
// params: none
// the newest revision in the log (0 for an empty store).
OPTIONAL MATCH (c:Change)
RETURN coalesce(max(c.revision), 0) AS head
