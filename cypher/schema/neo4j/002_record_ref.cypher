// name: 002_record_ref
// params: none
// Every record node by '<collection>/<key>', unique across collections: links, deletes,
// record_nodes and neighbours look nodes up by it.
CREATE CONSTRAINT record_ref IF NOT EXISTS FOR (n:Record) REQUIRE n.ref IS UNIQUE
