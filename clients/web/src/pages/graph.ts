// 关系图: the graph around a unit, item or place, with a date slider from 2014 to today. Moving the
// slider asks the service for the graph on that day and redraws only what changed; tapping a node
// makes it the focus and opens its record and history in the side panel.
import cytoscape from "cytoscape";

import { describeError, request } from "../api";
import { Picker, type PickerKind } from "../components/picker";
import { h, replace, today } from "../dom";
import type { EntityKind, GraphNodeKind, GraphViewQuery } from "../gql/graphql";
import { EDGE_KIND, MODE, NODE_KIND, OPERATION, PROPERTY, ROLE, VALUE, interval } from "../labels";
import type { Page } from "../page";
import { setParams } from "../page";
import { GraphView, History } from "../queries";
import { FIT_PADDING, GRAPH_STYLE, LAYOUT, QUIET_EDGES } from "./graphStyle";

type View = GraphViewQuery["graph"];
type GraphNode = View["nodes"][number];
type GraphEdge = View["edges"][number];

const FIRST_DAY = Date.UTC(2014, 0, 1);
const DAY_MS = 86_400_000;
const LIMIT = 500;
const MAX_FIT_ZOOM = 1.25;
const ENTITY: Record<GraphNodeKind, EntityKind> = {
  UNIT: "UNIT",
  ITEM: "ITEM",
  REGION: "REGION",
  ACT: "ACT",
  LAW: "LAW",
  AGREEMENT: "AGREEMENT",
};
const PICKER_KIND: Record<string, PickerKind> = { item: "item", unit: "unit", region: "region" };

declare global {
  interface Window {
    cy?: cytoscape.Core;
    graphPage?: { relayout(): number; lastRender: number };
  }
}

function dayIndex(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - FIRST_DAY) / DAY_MS);
}

function dayOf(index: number): string {
  return new Date(FIRST_DAY + index * DAY_MS).toISOString().slice(0, 10);
}

export const graphPage: Page = {
  id: "graph",
  title: "关系图",
  mount(container, params) {
    const kindSelect = h(
      "select",
      { name: "focusKind" },
      h("option", { value: "item" }, "职权事项"),
      h("option", { value: "unit" }, "执法主体"),
      h("option", { value: "region" }, "地点"),
    );
    const picker = new Picker("item", "focus");
    kindSelect.addEventListener("change", () => picker.setKind(PICKER_KIND[kindSelect.value]));
    const depth = h(
      "select",
      { name: "depth" },
      h("option", { value: "1" }, "1 层"),
      h("option", { value: "2" }, "2 层"),
      h("option", { value: "3" }, "3 层"),
    );
    depth.value = params.get("depth") ?? "1";
    const lastDay = dayIndex(today());
    const slider = h("input", {
      type: "range",
      name: "at",
      min: 0,
      max: lastDay,
      step: 1,
      value: dayIndex(params.get("at") ?? today()),
      "aria-label": "日期",
    });
    const dateLabel = h("output", { class: "date-label" }, dayOf(Number(slider.value)));
    const status = h("p", { class: "graph-status" });
    const canvas = h("div", { class: "graph-canvas", id: "cy" });
    const panel = h(
      "aside",
      { class: "side-panel" },
      h("p", { class: "hint" }, "点击节点查看其记录与变更历史，并以其为中心展开。"),
    );
    const years = h(
      "div",
      { class: "ticks" },
      Array.from({ length: new Date().getFullYear() - 2013 }, (_, i) => 2014 + i).map((year) =>
        h(
          "span",
          { style: `left:${((dayIndex(`${year}-01-01`) / lastDay) * 100).toFixed(2)}%` },
          String(year),
        ),
      ),
    );

    replace(
      container,
      h("h2", {}, "关系图"),
      h(
        "form",
        {
          class: "toolbar",
          onsubmit: (event: Event) => {
            event.preventDefault();
            if (picker.value) focusOn(`${kindSelect.value}:${picker.value.key}`);
          },
        },
        h("label", {}, "对象", kindSelect),
        h("label", {}, "名称", picker.element),
        h("label", {}, "层数", depth),
        h("button", { type: "submit", class: "primary" }, "展开"),
      ),
      h(
        "div",
        { class: "slider" },
        h("span", {}, "日期"),
        h("div", { class: "slider-track" }, slider, years),
        dateLabel,
      ),
      h("div", { class: "graph-layout" }, h("div", { class: "graph-main" }, canvas, status), panel),
    );

    const cy = cytoscape({
      container: canvas,
      style: GRAPH_STYLE,
      minZoom: 0.2,
      maxZoom: 3,
    });
    window.cy = cy;
    let focus = params.get("focus");
    let inFlight: AbortController | null = null;
    let renderStarted = 0;
    window.graphPage = {
      relayout() {
        const start = performance.now();
        layOut(cy);
        return performance.now() - start;
      },
      lastRender: 0,
    };

    const draw = async () => {
      const at = dayOf(Number(slider.value));
      dateLabel.textContent = at;
      if (!focus) {
        status.textContent = "请选择要展开的职权事项、执法主体或地点。";
        return;
      }
      setParams("graph", { focus, at, depth: depth.value });
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      renderStarted = performance.now();
      canvas.dataset.state = "loading";
      try {
        const data = await request(
          GraphView,
          { focus, at, depth: Number(depth.value), limit: LIMIT, kinds: null },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        render(data.graph);
        canvas.dataset.at = at;
        canvas.dataset.focus = data.graph.focus;
        canvas.dataset.state = "ready";
        window.graphPage!.lastRender = performance.now() - renderStarted;
      } catch (error) {
        if (controller.signal.aborted) return;
        status.textContent = describeError(error);
        canvas.dataset.state = "error";
      }
    };

    const render = (view: View) => {
      const nodes = new Map(view.nodes.map((n) => [n.id, n]));
      const edges = new Map(view.edges.map((e) => [e.id, e]));
      let changed = false;
      cy.batch(() => {
        cy.elements().forEach((element) => {
          const id = element.id();
          const keep = element.group() === "nodes" ? nodes.get(id) : edges.get(id);
          if (!keep) {
            element.remove();
            changed = true;
          } else {
            element.data(keep);
          }
        });
        const added: cytoscape.ElementDefinition[] = [];
        for (const node of view.nodes) {
          if (cy.getElementById(node.id).empty()) added.push({ group: "nodes", data: { ...node } });
        }
        for (const edge of view.edges) {
          if (cy.getElementById(edge.id).empty()) added.push({ group: "edges", data: { ...edge } });
        }
        if (added.length) {
          cy.add(added);
          changed = true;
        }
        const quiet = view.edges.length > QUIET_EDGES;
        cy.edges().toggleClass("quiet", quiet);
      });
      if (changed) layOut(cy);
      const focusNode = nodes.get(view.focus);
      status.textContent =
        `${focusNode ? focusNode.label : view.focus} · ${view.at} · ${view.nodes.length} 个节点、${view.edges.length} 条关系` +
        (view.truncated
          ? `（已截取，共 ${view.totalNodes} 个节点、${view.totalEdges} 条关系）`
          : "");
      if (focusNode) {
        picker.set({ key: focusNode.key, name: focusNode.label });
        const pickerKind = focusNode.kind.toLowerCase();
        if (pickerKind in PICKER_KIND) kindSelect.value = pickerKind;
      }
    };

    const focusOn = (id: string) => {
      focus = id;
      cy.elements().remove();
      void draw();
    };

    cy.on("tap", "node", (event) => {
      const node = event.target.data() as GraphNode;
      void showNode(panel, node);
      if (node.id !== focus) focusOn(node.id);
    });
    cy.on("tap", "edge", (event) => showEdge(panel, event.target.data() as GraphEdge, cy));
    slider.addEventListener("input", () => void draw());
    depth.addEventListener("change", () => focusOn(focus ?? ""));
    void draw();
  },
};

/** Rings around the focus, fitted to the nodes; a handful of nodes should not fill the screen. */
function layOut(cy: cytoscape.Core): void {
  cy.layout(LAYOUT).run();
  cy.fit(cy.nodes(), FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(cy.nodes());
  }
}

async function showNode(panel: HTMLElement, node: GraphNode): Promise<void> {
  const history = h("ol", { class: "history" }, h("li", { class: "hint" }, "正在读取……"));
  replace(
    panel,
    h(
      "p",
      { class: "kind" },
      NODE_KIND[node.kind],
      node.illustrative ? h("span", { class: "badge illustrative" }, "示例数据") : null,
    ),
    h("h3", { "data-panel-key": node.key }, node.label),
    h(
      "dl",
      {},
      h("dt", {}, "标识"),
      h("dd", {}, h("code", {}, node.key)),
      h("dt", {}, "有效期"),
      h("dd", {}, interval(node.validFrom, node.validTo)),
      node.properties.map((p) => [
        h("dt", {}, PROPERTY[p.name] ?? p.name),
        h("dd", {}, VALUE[p.value] ?? p.value),
      ]),
    ),
    h("h4", {}, "变更历史"),
    history,
  );
  try {
    const data = await request(History, { kind: ENTITY[node.kind], key: node.key });
    replace(
      history,
      data.history.length
        ? data.history.map((v) =>
            h(
              "li",
              { "data-revision": v.revision },
              h("time", {}, v.change.recordedAt.slice(0, 19).replace("T", " ")),
              ` 第${v.revision}版 ${OPERATION[v.operation]}（${v.change.recordedBy}）：${v.change.comment ?? v.change.summary}`,
              v.changes.length
                ? h("small", {}, `变更字段：${v.changes.map((c) => c.field).join("、")}`)
                : null,
            ),
          )
        : h("li", { class: "hint" }, "无变更记录。"),
    );
  } catch (error) {
    replace(history, h("li", { class: "error" }, describeError(error)));
  }
}

function showEdge(panel: HTMLElement, edge: GraphEdge, cy: cytoscape.Core): void {
  const name = (id: string) => String(cy.getElementById(id).data("label") ?? id);
  replace(
    panel,
    h("p", { class: "kind" }, EDGE_KIND[edge.kind]),
    h("h3", {}, `${name(edge.source)} → ${name(edge.target)}`),
    h(
      "dl",
      {},
      h("dt", {}, "关系"),
      h("dd", {}, edge.label),
      edge.role ? [h("dt", {}, "角色"), h("dd", {}, ROLE[edge.role])] : null,
      edge.mode ? [h("dt", {}, "方式"), h("dd", {}, MODE[edge.mode])] : null,
      edge.validFrom
        ? [h("dt", {}, "有效期"), h("dd", {}, interval(edge.validFrom, edge.validTo))]
        : null,
      edge.scopes.length ? [h("dt", {}, "范围"), h("dd", {}, edge.scopes.join("、"))] : null,
      edge.carvedOut.length ? [h("dt", {}, "除外"), h("dd", {}, edge.carvedOut.join("、"))] : null,
      edge.acts.length ? [h("dt", {}, "决定"), h("dd", {}, edge.acts.join(" → "))] : null,
      edge.items.length ? [h("dt", {}, "涉及事项"), h("dd", {}, edge.items.join("、"))] : null,
    ),
  );
}
