// name: link_from
// params: $rows
// apply: Act.from: (act)-[:FROM]->(unit giving up, delegating or entrusting).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:FROM]->(b)
