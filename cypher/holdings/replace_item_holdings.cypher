// name: replace_item_holdings
// params: $items, $rows
// write_holdings (for some items): replaces the derived HOLDS relationships of the named items
// with `rows` (their holdings) in one statement. One statement, not a clear and then a write:
// two service instances export the same items when both take in a change, and a clear of one
// falling between the clear and the write of the other left two copies of every holding.
UNWIND $items AS code
MATCH (i:PowerItem {id: code})
OPTIONAL MATCH (:Unit)-[old:HOLDS]->(i)
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
