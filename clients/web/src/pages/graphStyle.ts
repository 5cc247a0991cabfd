// How the graph looks: colours and shapes by node kind, line styles by edge kind and role.
import type cytoscape from "cytoscape";

export const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const GRAPH_STYLE: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": FONT,
      "font-size": 11,
      "text-wrap": "ellipsis",
      "text-max-width": "170px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      color: "#1f2933",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      width: 26,
      height: 26,
      "border-width": 2,
      "border-color": "#ffffff",
      "background-color": "#8a94a6",
    },
  },
  {
    selector: 'node[kind = "UNIT"]',
    style: { shape: "round-rectangle", "background-color": "#1f5fa8", width: 34 },
  },
  { selector: 'node[kind = "ITEM"]', style: { shape: "ellipse", "background-color": "#d9822b" } },
  { selector: 'node[kind = "REGION"]', style: { shape: "hexagon", "background-color": "#3b8a5a" } },
  { selector: 'node[kind = "ACT"]', style: { shape: "diamond", "background-color": "#7a4fb0" } },
  { selector: 'node[kind = "LAW"]', style: { shape: "tag", "background-color": "#5c6773" } },
  { selector: 'node[kind = "AGREEMENT"]', style: { shape: "star", "background-color": "#138a8a" } },
  {
    selector: "node[?illustrative]",
    style: { "border-style": "dashed", "border-color": "#b42318" },
  },
  {
    selector: "node[distance = 0]",
    style: {
      width: 44,
      height: 44,
      "font-size": 13,
      "font-weight": "bold",
      "border-color": "#f0b429",
      "border-width": 4,
    },
  },
  { selector: "node:selected", style: { "border-color": "#f0b429", "border-width": 4 } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "line-color": "#b8c2cc",
      "target-arrow-color": "#b8c2cc",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      label: "data(label)",
      "font-family": FONT,
      "font-size": 9,
      color: "#52606d",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
      "min-zoomed-font-size": 8,
    },
  },
  {
    selector: 'edge[kind = "HOLDS"]',
    style: { "line-color": "#1f5fa8", "target-arrow-color": "#1f5fa8", width: 2 },
  },
  {
    selector: 'edge[kind = "HOLDS"][role = "SUPERVISOR"]',
    style: { "line-style": "dashed", "line-color": "#7b93b8", "target-arrow-color": "#7b93b8" },
  },
  { selector: 'edge[kind = "HOLDS"][role = "AGENT"]', style: { "line-style": "dotted" } },
  {
    selector:
      'edge[kind = "DELEGATED"], edge[kind = "ENTRUSTED"], edge[kind = "TRANSFERRED"], edge[kind = "DESIGNATED"]',
    style: {
      "line-color": "#c2410c",
      "target-arrow-color": "#c2410c",
      width: 2.5,
      color: "#9a3412",
    },
  },
  {
    selector: 'edge[kind = "ADJACENT_TO"]',
    style: { "target-arrow-shape": "none", "line-style": "dashed" },
  },
  {
    selector: 'edge[kind = "BASED_ON"]',
    style: { "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1" },
  },
  {
    selector: 'edge[kind = "PARENT_OF"], edge[kind = "LOCATED_IN"], edge[kind = "WITHIN"]',
    style: { "line-color": "#cbd2d9", "target-arrow-color": "#cbd2d9", label: "" },
  },
  // Dense views draw edges without labels (measuring a thousand labels costs a second); the
  // label shows on the selected edge and in the side panel.
  { selector: "edge.quiet", style: { label: "" } },
  { selector: "edge.quiet:selected", style: { label: "data(label)" } },
  {
    selector: "edge:selected",
    style: { width: 4, "line-color": "#f0b429", "target-arrow-color": "#f0b429" },
  },
];

/** Rings around the focus by distance: linear in the nodes, so a 500-node view lays out in
 * milliseconds, and the same rings on every date (a force-directed layout crowded the labels). */
const KIND_ORDER: Record<string, number> = {
  UNIT: 6,
  ITEM: 5,
  REGION: 4,
  AGREEMENT: 3,
  ACT: 2,
  LAW: 1,
};

/** Above this many edges a view is dense: its edges are drawn without labels. */
export const QUIET_EDGES = 120;

export const LAYOUT: cytoscape.ConcentricLayoutOptions = {
  name: "concentric",
  // one ring per distance (100 apart, a level is 50 wide); within a ring, kinds sit together
  concentric: (node) =>
    (10 - Number(node.data("distance"))) * 100 + (KIND_ORDER[node.data("kind")] ?? 0),
  levelWidth: () => 50,
  minNodeSpacing: 28,
  animate: false,
  // Fitting every element (edges' curves included) doubled the first layout of a large view; the
  // page fits the nodes alone after the layout.
  fit: false,
  avoidOverlap: true,
};

export const FIT_PADDING = 30;
