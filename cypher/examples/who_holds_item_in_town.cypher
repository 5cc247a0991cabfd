// name: who_holds_item_in_town
// params: $item, $place, $at
// Who holds power item $item (its code) in region $place (a township or street
// code) on date $at ('YYYY-MM-DD'), from the derived (:Unit)-[:HOLDS]->(:PowerItem)
// relationships: a holding covers the place when its scope is the place, an ancestor of it in
// the administrative tree or a zone the place lies within, and neither the place nor any of
// those regions is carved out of it. The engine's `jurisdiction` query is the authority (with
// explanation, status and cross-border counterparts); this is for browsing the graph.
// In Neo4j Browser: :param item => 'SEED-CF-001'; :param place => '110115001000'; :param at => '2024-01-01'
MATCH (p:Region {id: $place})
OPTIONAL MATCH (ancestor:Region)-[:PARENT_OF*1..]->(p)
OPTIONAL MATCH (p)-[:WITHIN]->(zone:Region)
WITH p, [p.id] + collect(DISTINCT ancestor.id) + collect(DISTINCT zone.id) AS covering
MATCH (u:Unit)-[h:HOLDS]->(i:PowerItem {id: $item})
WHERE h.scope IN covering
  AND size([c IN h.carved_out WHERE c IN covering]) = 0
  AND h.valid_from <= $at
  AND (h.valid_to IS NULL OR $at < h.valid_to)
RETURN u.id AS unit, u.name AS unit_name, h.role AS role, h.mode AS mode, h.scope AS scope,
       h.valid_from AS valid_from, h.valid_to AS valid_to, h.acts AS acts
ORDER BY role, unit, scope
