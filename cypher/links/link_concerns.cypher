// name: link_concerns
// params: $rows
// apply: Act.items and Dispute.items: (act or dispute)-[:CONCERNS]->(power item).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:CONCERNS]->(b)
