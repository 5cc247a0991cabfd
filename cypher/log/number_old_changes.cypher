// name: number_old_changes
// params: none
// migrate to log format 2: change sets written before revisions existed take their apply
// order (`seq`) as their revision.
MATCH (c:Change)
WHERE c.revision IS NULL
SET c.revision = c.seq
