// name: link_in_region
// params: $rows
// apply: Unit.region: (unit)-[:IN_REGION]->(region it serves).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:IN_REGION]->(b)
