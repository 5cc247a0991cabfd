// The app shell: a header, the navigation, and the page the address names (#/query, #/findings,
// #/graph, #/powers). Pages for recording acts, legal review and disputes join PAGES when their
// API lands, behind a token sign-in placed in the header's account slot.
import "./style.css";

import { h, replace } from "./dom";
import type { Page } from "./page";
import { findingsPage } from "./pages/findings";
import { graphPage } from "./pages/graph";
import { powersPage } from "./pages/powers";
import { queryPage } from "./pages/query";

const PAGES: Page[] = [queryPage, findingsPage, graphPage, powersPage];

function route(): { page: Page; params: URLSearchParams } {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const page = PAGES.find((p) => p.id === path) ?? PAGES[0];
  return { page, params: new URLSearchParams(query ?? "") };
}

const nav = h("nav", { class: "tabs" });
const main = h("main", { id: "page" });
const account = h("div", { class: "account", "data-slot": "account" });

function show(): void {
  const { page, params } = route();
  replace(
    nav,
    PAGES.map((p) =>
      h("a", { href: `#/${p.id}`, class: p === page ? "active" : "", "data-page": p.id }, p.title),
    ),
    h("a", { href: "/graphql", class: "external", target: "_blank" }, "GraphiQL"),
  );
  document.title = `${page.title} · 行政执法职权图谱`;
  main.dataset.page = page.id;
  page.mount(main, params);
}

let current = "";
window.addEventListener("hashchange", () => {
  const path = location.hash.split("?")[0];
  if (path !== current) {
    current = path;
    show();
  }
});

document.body.append(
  h(
    "header",
    { class: "masthead" },
    h(
      "div",
      { class: "brand" },
      h("span", { class: "seal" }, "权"),
      h("div", {}, h("h1", {}, "行政执法职权图谱"), h("p", {}, "管辖查询 · 问题协调 · 权力清单")),
    ),
    account,
  ),
  nav,
  main,
);
current = location.hash.split("?")[0];
show();
