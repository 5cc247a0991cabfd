// name: clear_holdings
// params: none
// write_holdings: removes every derived (:Unit)-[:HOLDS]->(:PowerItem) relationship before the
// new set is written in the same transaction. Holdings are derived from acts by the engine and
// kept in the graph only for people browsing it; nothing reads them back as truth.
MATCH (:Unit)-[h:HOLDS]->(:PowerItem)
DELETE h
