// name: link_of_unit
// params: $rows
// apply: PublishedList.unit: (published list)-[:OF_UNIT]->(unit).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:OF_UNIT]->(b)
