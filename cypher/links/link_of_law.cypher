// name: link_of_law
// params: $rows
// apply: Provision.law: (provision)-[:OF_LAW]->(law).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:OF_LAW]->(b)
