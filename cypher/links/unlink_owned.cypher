// name: unlink_owned
// params: $refs
// apply: removes the outgoing reference relationships of records about to be re-linked.
// PARENT_OF points from parent to child but belongs to the child: see unlink_parent.
UNWIND $refs AS ref
MATCH (n:Record {ref: ref})-[r]->(:Record)
WHERE type(r) <> 'PARENT_OF'
DELETE r
