// name: link_adjacent_to
// params: $rows
// apply: Region.adjacent: (region)-[:ADJACENT_TO]->(bordering region), as declared.
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:ADJACENT_TO]->(b)
