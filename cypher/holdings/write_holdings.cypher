// name: write_holdings
// params: $rows
// write_holdings: one (:Unit)-[:HOLDS]->(:PowerItem) relationship per derived holding, with its
// scope region code, role (PRIMARY/SUPERVISOR/AGENT), mode, interval [valid_from, valid_to) as
// ISO dates, the chain of act ids behind it (oldest first), the region codes carved out of the
// scope, whether it is a sanctioned joint competence and, for an agent, its principal unit.
// Rows name the unit and the item by record key; a row whose ends are not stored is skipped.
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
