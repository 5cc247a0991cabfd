// name: link_parent_of
// params: $rows
// apply: Region.parent: (parent region)-[:PARENT_OF]->(region), the administrative tree.
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:PARENT_OF]->(b)
