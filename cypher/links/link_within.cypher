// name: link_within
// params: $rows
// apply: Region.within: (region)-[:WITHIN]->(functional zone it lies in).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:WITHIN]->(b)
