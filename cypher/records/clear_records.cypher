// name: clear_records
// params: none
// apply (replace=True): deletes every record node and its relationships. Audit nodes
// (:Change) are not records and stay, so history survives a full reload.
MATCH (n:Record)
DETACH DELETE n
