// name: clear_item_holdings
// params: $items
// write_holdings (for some items): removes the derived HOLDS relationships of the named items
// only, before their new holdings are written in the same transaction (or journal-free batch).
UNWIND $items AS code
MATCH (:Unit)-[h:HOLDS]->(:PowerItem {id: code})
DELETE h
