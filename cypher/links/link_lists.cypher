// name: link_lists
// params: $rows
// apply: PublishedList.items: (published list)-[:LISTS]->(power item).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:LISTS]->(b)
