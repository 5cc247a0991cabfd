// name: 005_change_seq
// params: none
// change_history orders audit nodes by seq; record_change reads its maximum.
CREATE INDEX change_seq IF NOT EXISTS FOR (n:Change) ON (n.seq)
