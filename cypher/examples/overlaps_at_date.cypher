// name: overlaps_at_date
// params: $at
// 多头管辖 on date $at ('YYYY-MM-DD'): pairs of units that both hold an item as PRIMARY over
// one place (a region covered by both holdings: its scope or a descendant, not carved out),
// unless both are sanctioned joint holders, with the places where they overlap. It walks every
// region against every pair of holdings of an item, which is fine for one district; the
// service's `findings` query is the authority (gaps, severity, who coordinates).
// In Neo4j Browser: :param at => '2024-01-01'
MATCH (p:Region)
OPTIONAL MATCH (ancestor:Region)-[:PARENT_OF*1..]->(p)
WITH p, [p.id] + collect(DISTINCT ancestor.id) AS up
MATCH (u1:Unit)-[h1:HOLDS]->(i:PowerItem)<-[h2:HOLDS]-(u2:Unit)
WHERE u1.id < u2.id
  AND h1.role = 'PRIMARY' AND h2.role = 'PRIMARY'
  AND NOT (h1.joint AND h2.joint)
  AND h1.valid_from <= $at AND (h1.valid_to IS NULL OR $at < h1.valid_to)
  AND h2.valid_from <= $at AND (h2.valid_to IS NULL OR $at < h2.valid_to)
  AND h1.scope IN up AND h2.scope IN up
  AND size([c IN h1.carved_out WHERE c IN up]) = 0
  AND size([c IN h2.carved_out WHERE c IN up]) = 0
WITH i, u1, u2, collect(DISTINCT p.id) AS places
RETURN i.id AS item, i.name AS item_name, u1.id AS unit, u2.id AS other_unit, places
ORDER BY item, unit, other_unit
