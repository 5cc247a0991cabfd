// name: link_party
// params: $rows
// apply: Agreement.parties and Dispute.parties: (agreement or dispute)-[:PARTY]->(unit).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:PARTY]->(b)
