// name: replace_pair_holdings
// params: $pairs, $rows
// write_holdings (for some unit-item pairs): replaces the derived HOLDS relationships between
// each named unit and item with `rows` (their holdings) in one statement. A write that moves an
// item from one unit to another changes two pairs of the item, not the hundreds of holdings it
// has in every district and town, so the export rewrites only those. As with
// replace_item_holdings, no other writer's statement falls between a pair's clear and its write.
UNWIND $pairs AS pair
MATCH (u:Unit {id: pair.unit})
MATCH (i:PowerItem {id: pair.item})
OPTIONAL MATCH (u)-[old:HOLDS]->(i)
DELETE old
WITH count(*) AS cleared
UNWIND $rows AS row
MATCH (u:Unit {id: row.unit})
MATCH (i:PowerItem {id: row.item})
CREATE (u)-[h:HOLDS]->(i)
SET h.id = row.id,
    h.scope = row.scope,
    h.role = row.role,
    h.mode = row.mode,
    h.valid_from = row.valid_from,
    h.valid_to = row.valid_to,
    h.acts = row.acts,
    h.carved_out = row.carved_out,
    h.joint = row.joint,
    h.principal = row.principal
