// name: delete_records
// params: $refs
// apply: deletes the named record nodes and every relationship they take part in.
// Refs that name no node are ignored, so replaying a change set is harmless.
UNWIND $refs AS ref
MATCH (n:Record {ref: ref})
DETACH DELETE n
