// name: 019_apitoken_id
// params: none
// revoke_token and touch_token find a token by its public id: one token per id.
CREATE CONSTRAINT apitoken_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE
