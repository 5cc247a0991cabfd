// name: unlink_parent
// params: $refs
// apply: removes the PARENT_OF relationship into regions about to be re-linked (a region's
// `parent` field owns the relationship that points at it).
UNWIND $refs AS ref
MATCH (:Record)-[r:PARENT_OF]->(n:Record {ref: ref})
DELETE r
