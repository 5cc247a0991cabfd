// GraphiQL served by the service itself, so /graphql works in a browser on an air-gapped network
// (strawberry's own page loads React and GraphiQL from a public CDN).
import "graphiql/graphiql.css";

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });

const DEFAULT_QUERY = `# 行政执法职权图谱：先检索职权事项，再以 jurisdiction 查询管辖。
query {
  searchItems(text: "处罚", limit: 5) {
    key
    name
    detail
  }
}
`;

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} />,
);
