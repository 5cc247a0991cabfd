// name: link_based_on
// params: $rows
// apply: PowerItem.basis and Act.basis: (item or act)-[:BASED_ON]->(provision).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:BASED_ON]->(b)
