// name: link_succeeded_by
// params: $rows
// apply: Unit.successor: (abolished unit)-[:SUCCEEDED_BY]->(unit receiving its powers).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:SUCCEEDED_BY]->(b)
