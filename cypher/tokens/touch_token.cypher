// name: touch_token
// params: $id, $used_at
// TokenStore.touch: when the token was last used (the service writes it at most once a
// minute per token, so that reads do not turn into writes).
MATCH (t:ApiToken {id: $id})
SET t.last_used_at = $used_at
