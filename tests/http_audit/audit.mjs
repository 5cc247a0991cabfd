// Runs graphql-http's auditServer against URL (argv[2]) and prints one JSON line:
// {"ok": n, "warn": [...], "error": [...]}, each warning/error with its audit name and reason.
// Exit code 0 whatever the findings: the pytest test that runs this decides what passes.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
const summary = { ok: 0, warn: [], error: [] };
for (const result of results) {
  if (result.status === 'ok') {
    summary.ok += 1;
  } else {
    summary[result.status].push({ name: result.name, reason: result.reason });
  }
}
console.log(JSON.stringify(summary));
