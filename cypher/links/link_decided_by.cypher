// name: link_decided_by
// params: $rows
// apply: Act.doc: (act)-[:DECIDED_BY]->(law or document deciding it).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:DECIDED_BY]->(b)
