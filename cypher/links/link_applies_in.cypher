// name: link_applies_in
// params: $rows
// apply: PowerItem.applies_in: (item)-[:APPLIES_IN]->(region needing a competent unit).
// One row per relationship ({src, dst} refs); a missing end is skipped, MERGE makes replay
// harmless.
UNWIND $rows AS row
MATCH (a:Record {ref: row.src})
MATCH (b:Record {ref: row.dst})
MERGE (a)-[:APPLIES_IN]->(b)
