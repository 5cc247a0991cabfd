// name: replace_item_holdings
// params: $items, $rows
// write_holdings (for some items): replaces the derived HOLDS relationships of the named items
// with `rows` (their holdings) in one statement, so that no other writer's clear or write falls
// between an item's clear and its write (two service instances export the same items when both
// take in a change). FalkorDB also matches before it locks: its adapter holds a lock shared by
// every process around the statement (storage/falkordb/mutex.py).
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
