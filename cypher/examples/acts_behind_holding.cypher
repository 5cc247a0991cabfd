// name: acts_behind_holding
// params: $unit, $item, $at
// The chain of acts behind unit $unit's holding of item $item valid on $at ('YYYY-MM-DD'),
// oldest first: each act's kind, date, legal review and the document that decided it
// (title and number, e.g. 京政发〔2020〕9号) — what a coordinator cites in a memo.
// In Neo4j Browser: :param unit => 'dx-street-xingfeng'; :param item => 'SEED-CF-001'; :param at => '2024-01-01'
MATCH (u:Unit {id: $unit})-[h:HOLDS]->(i:PowerItem {id: $item})
WHERE h.valid_from <= $at AND (h.valid_to IS NULL OR $at < h.valid_to)
UNWIND range(0, size(h.acts) - 1) AS position
MATCH (a:Act)
WHERE a.id = h.acts[position]
OPTIONAL MATCH (a)-[:DECIDED_BY]->(doc:Law)
RETURN h.scope AS scope, h.role AS role, position + 1 AS step, a.id AS act, a.kind AS kind,
       a.effective AS effective, a.review AS review, doc.title AS document,
       doc.doc_number AS doc_number
ORDER BY scope, role, step
