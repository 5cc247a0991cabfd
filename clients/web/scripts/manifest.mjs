// Copies codegen's persisted-documents manifest into the Python package, where the service reads
// its registered documents (graph_service/api/persisted/web.json): keys sorted, two-space
// indentation and a final newline, so the same sources always give the same bytes.
import { readFileSync, writeFileSync } from "node:fs";

const source = new URL("../src/gql/persisted-documents.json", import.meta.url);
const target = new URL("../../../graph_service/api/persisted/web.json", import.meta.url);
const documents = JSON.parse(readFileSync(source, "utf8"));
const sorted = Object.fromEntries(
  Object.keys(documents)
    .sort()
    .map((id) => [id, documents[id]]),
);
writeFileSync(target, JSON.stringify(sorted, null, 2) + "\n");
console.log(
  `${Object.keys(sorted).length} persisted documents -> graph_service/api/persisted/web.json`,
);
