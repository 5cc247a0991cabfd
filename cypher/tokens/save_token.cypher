// name: save_token
// params: $id, $secret_hash, $name, $role, $unit, $created_at
// TokenStore.save: one new (:ApiToken) node. Only the SHA-256 of the secret is stored; `unit`
// is null except for the unit role. Tokens are not (:Record)s: no change set, load_all or
// replace ever touches them.
CREATE (t:ApiToken {id: $id, secret_hash: $secret_hash, name: $name, role: $role,
                    created_at: $created_at})
SET t.unit = $unit
