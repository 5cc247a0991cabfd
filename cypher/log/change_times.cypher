// name: change_times
// params: $after
// as recorded on: when each change set after a revision was recorded (revision order).
MATCH (c:Change)
WHERE c.revision > $after
RETURN c.revision AS revision, c.recorded_at AS recorded_at
ORDER BY revision
