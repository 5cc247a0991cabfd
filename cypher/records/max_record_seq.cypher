// name: max_record_seq
// params: none
// apply: the highest `seq` of any record node (0 when empty); new records are numbered after
// it so that load_all returns each collection in the order it was recorded.
OPTIONAL MATCH (n:Record)
RETURN coalesce(max(n.seq), 0) AS top
