// name: versions_of_changes
// params: $revisions
// changes_since: every record version the named change sets wrote, in revision order.
UNWIND $revisions AS r
MATCH (v:Version {revision: r})
RETURN v.revision AS revision, v.collection AS collection, v.key AS key,
       v.before AS before, v.after AS after
ORDER BY revision, coalesce(v.position, -1), collection, key
