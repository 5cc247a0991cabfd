// name: link_in_scope
// params: $rows
// apply: Act.scope and Dispute.places: (act or dispute)-[:IN_SCOPE]->(region it covers).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:IN_SCOPE]->(b)
