// name: link_reports_to
// params: $rows
// apply: Unit.superior: (vertical branch)-[:REPORTS_TO]->(upper-level department).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:REPORTS_TO]->(b)
