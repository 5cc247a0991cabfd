// name: link_to
// params: $rows
// apply: Act.to: (act)-[:TO]->(unit receiving).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:TO]->(b)
