// name: link_part_of
// params: $rows
// apply: Unit.parent: (unit)-[:PART_OF]->(government it belongs to).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:PART_OF]->(b)
