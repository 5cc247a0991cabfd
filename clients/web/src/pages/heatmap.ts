// The heat map of 问题清单: item field × town, coloured by the overlaps and gaps found on a date.
import { request } from "../api";
import { h } from "../dom";
import type { HeatFindingsQuery } from "../gql/graphql";
import { GraphView, HeatFindings } from "../queries";

type HeatFinding = HeatFindingsQuery["findings"]["edges"][number]["node"];
export interface Town {
  code: string;
  name: string;
}
interface Cell {
  overlaps: number;
  gaps: number;
}

const NO_FIELD = "未分类";

async function allFindings(at: string): Promise<HeatFinding[]> {
  const found: HeatFinding[] = [];
  let after: string | null = null;
  for (;;) {
    const page: HeatFindingsQuery = await request(HeatFindings, { at, first: 200, after });
    found.push(...page.findings.edges.map((edge) => edge.node));
    if (!page.findings.pageInfo.hasNextPage) return found;
    after = page.findings.pageInfo.endCursor ?? null;
  }
}

/** The towns, streets and zones of the district around the places findings name. */
async function townsAround(place: string, at: string): Promise<Town[]> {
  const up = await request(GraphView, {
    focus: `region:${place}`,
    at,
    depth: 1,
    kinds: ["PARENT_OF"],
    limit: 50,
  });
  const parent = up.graph.edges.find((e) => e.target === `region:${place}`)?.source;
  if (!parent) return [];
  const down = await request(GraphView, {
    focus: parent,
    at,
    depth: 1,
    kinds: ["PARENT_OF"],
    limit: 2000,
  });
  const children = new Set(
    down.graph.edges.filter((e) => e.source === parent).map((e) => e.target),
  );
  return down.graph.nodes
    .filter((n) => children.has(n.id))
    .map((n) => ({ code: n.key, name: n.label }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export async function renderHeatMap(
  at: string,
  onPick: (town: Town, field: string) => void,
): Promise<HTMLElement> {
  const findings = await allFindings(at);
  const places = findings.flatMap((f) => f.places.map((p) => p.code));
  if (!places.length) {
    return h("p", { class: "hint", "data-heatmap": "empty" }, "该日未发现多头管辖或管辖空白。");
  }
  const counts = new Map<string, number>();
  for (const code of places) counts.set(code, (counts.get(code) ?? 0) + 1);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const towns = await townsAround(busiest, at);
  const cells = new Map<string, Cell>();
  const fields = new Set<string>();
  for (const finding of findings) {
    for (const field of [finding.field ?? NO_FIELD]) {
      fields.add(field);
      for (const place of finding.places) {
        const key = `${field}|${place.code}`;
        const cell = cells.get(key) ?? { overlaps: 0, gaps: 0 };
        if (finding.kind === "OVERLAP") cell.overlaps += 1;
        else cell.gaps += 1;
        cells.set(key, cell);
      }
    }
  }
  const rows = [...fields].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const max = Math.max(1, ...[...cells.values()].map((c) => c.overlaps + c.gaps));
  return h(
    "div",
    { class: "heatmap-wrap" },
    h(
      "table",
      { class: "heatmap", "data-heatmap": "ready", "data-at": at },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { class: "corner" }, "领域＼乡镇街道"),
          towns.map((t) => h("th", { title: t.code }, h("span", {}, t.name))),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((field) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, field),
            towns.map((town) => {
              const cell = cells.get(`${field}|${town.code}`) ?? { overlaps: 0, gaps: 0 };
              const total = cell.overlaps + cell.gaps;
              const strength = total ? 0.25 + (0.75 * total) / max : 0;
              const tone =
                cell.overlaps && cell.gaps
                  ? "both"
                  : cell.overlaps
                    ? "overlap"
                    : cell.gaps
                      ? "gap"
                      : "none";
              return h(
                "td",
                {
                  class: `cell cell-${tone}`,
                  style: total ? `--strength:${strength.toFixed(2)}` : undefined,
                  title: `${field} · ${town.name}：多头管辖 ${cell.overlaps} 项，管辖空白 ${cell.gaps} 项`,
                  "data-field": field,
                  "data-place": town.code,
                  "data-overlaps": cell.overlaps,
                  "data-gaps": cell.gaps,
                  onclick: total ? () => onPick(town, field) : undefined,
                },
                total ? String(total) : "",
              );
            }),
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "legend" },
      h("span", { class: "swatch cell-overlap" }),
      "多头管辖",
      h("span", { class: "swatch cell-gap" }),
      "管辖空白",
      h("span", { class: "swatch cell-both" }),
      "两者皆有",
      "　数字为问题条数；点击单元格筛选该地问题。",
    ),
  );
}
