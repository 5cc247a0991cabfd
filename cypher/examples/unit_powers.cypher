// name: unit_powers
// params: $unit, $at
// A unit's powers on date $at ('YYYY-MM-DD'): every derived holding of unit $unit (its id)
// valid then, with the item, the role it holds it in (PRIMARY, SUPERVISOR after delegating it
// away, AGENT when entrusted), how it came to hold it, over which scope less which regions,
// and the acts behind it. The service's `powerList` query is the authority.
// In Neo4j Browser: :param unit => 'dx-cgzf'; :param at => '2024-01-01'
MATCH (u:Unit {id: $unit})-[h:HOLDS]->(i:PowerItem)
WHERE h.valid_from <= $at AND (h.valid_to IS NULL OR $at < h.valid_to)
RETURN i.id AS item, i.name AS item_name, i.category AS category, h.role AS role,
       h.mode AS mode, h.scope AS scope, h.carved_out AS carved_out, h.acts AS acts
ORDER BY item, role, scope
