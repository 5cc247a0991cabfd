// name: 018_apitoken_hash
// params: none
// find_token_by_hash looks up the token of every authenticated request by the hash of its
// secret; unique, so that one secret can never stand for two tokens.
CREATE CONSTRAINT apitoken_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.secret_hash IS UNIQUE
