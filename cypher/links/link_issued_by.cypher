// name: link_issued_by
// params: $rows
// apply: Act.issuer: (act)-[:ISSUED_BY]->(issuing unit).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:ISSUED_BY]->(b)
