// 问题清单: findings on a date with filters and paging, each with its evidence and routing,
// under a heat map of item field × town.
import { describeError, request } from "../api";
import { Picker } from "../components/picker";
import { h, replace, today } from "../dom";
import type { FindingFilter, FindingKind, FindingsQuery, Severity } from "../gql/graphql";
import { CAUSE, FINDING_KIND, SEVERITY } from "../labels";
import type { Page } from "../page";
import { setParams } from "../page";
import { Findings } from "../queries";
import { renderHeatMap } from "./heatmap";

type Finding = FindingsQuery["findings"]["edges"][number]["node"];
const PAGE_SIZE = 20;

export const findingsPage: Page = {
  id: "findings",
  title: "问题清单",
  mount(container, params) {
    const at = h("input", { type: "date", name: "at", value: params.get("at") ?? today() });
    const kind = h(
      "select",
      { name: "kind" },
      h("option", { value: "" }, "全部类型"),
      (Object.keys(FINDING_KIND) as FindingKind[]).map((k) =>
        h("option", { value: k }, FINDING_KIND[k]),
      ),
    );
    kind.value = params.get("kind") ?? "";
    const severity = h(
      "select",
      { name: "severity" },
      h("option", { value: "" }, "全部等级"),
      (Object.keys(SEVERITY) as Severity[]).map((s) => h("option", { value: s }, `${SEVERITY[s]}`)),
    );
    const unit = new Picker("unit", "unit");
    const place = new Picker("region", "place");
    const heat = h("section", { class: "heat" });
    const list = h("section", { class: "findings" });
    const pager = h("nav", { class: "pager" });
    let cursors: (string | null)[] = [null];

    const filter = (): FindingFilter => ({
      kinds: kind.value ? [kind.value as FindingKind] : null,
      severities: severity.value ? [severity.value as Severity] : null,
      unit: unit.value?.key ?? null,
      place: place.value?.key ?? null,
    });

    const load = async (pageIndex: number) => {
      list.dataset.state = "loading";
      setParams("findings", { at: at.value, kind: kind.value });
      try {
        const data = await request(Findings, {
          at: at.value || null,
          filter: filter(),
          first: PAGE_SIZE,
          after: cursors[pageIndex],
        });
        const { edges, totalCount, pageInfo } = data.findings;
        if (pageInfo.hasNextPage) cursors[pageIndex + 1] = pageInfo.endCursor ?? null;
        replace(
          list,
          h("p", { class: "count", "data-total": totalCount }, `共 ${totalCount} 条问题`),
          edges.length
            ? edges.map((e) => renderFinding(e.node))
            : h("p", { class: "hint" }, "无符合条件的问题。"),
        );
        const pages = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
        replace(
          pager,
          h(
            "button",
            { type: "button", disabled: pageIndex === 0, onclick: () => void load(pageIndex - 1) },
            "上一页",
          ),
          h("span", {}, `第 ${pageIndex + 1} / ${pages} 页`),
          h(
            "button",
            {
              type: "button",
              disabled: !pageInfo.hasNextPage,
              onclick: () => void load(pageIndex + 1),
            },
            "下一页",
          ),
        );
        list.dataset.state = "ready";
      } catch (error) {
        replace(list, h("p", { class: "error" }, describeError(error)));
        list.dataset.state = "error";
      }
    };
    const reload = () => {
      cursors = [null];
      void load(0);
    };
    const drawHeat = async () => {
      heat.dataset.state = "loading";
      replace(heat, h("p", { class: "hint" }, "正在计算热力图……"));
      try {
        replace(
          heat,
          await renderHeatMap(at.value || today(), (town) => {
            place.set({ key: town.code, name: town.name });
            reload();
          }),
        );
        heat.dataset.state = "ready";
      } catch (error) {
        replace(heat, h("p", { class: "error" }, describeError(error)));
        heat.dataset.state = "error";
      }
    };
    const form = h(
      "form",
      {
        class: "toolbar",
        onsubmit: (event: Event) => {
          event.preventDefault();
          reload();
          void drawHeat();
        },
      },
      h("label", {}, "日期", at),
      h("label", {}, "问题类型", kind),
      h("label", {}, "严重程度", severity),
      h("label", {}, "执法主体", unit.element),
      h("label", {}, "地点", place.element),
      h("button", { type: "submit", class: "primary" }, "筛选"),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            kind.value = "";
            severity.value = "";
            unit.set(null);
            place.set(null);
            reload();
          },
        },
        "清除条件",
      ),
    );
    replace(
      container,
      h("h2", {}, "问题清单"),
      h("p", { class: "lead" }, "多头管辖、管辖空白等需协调事项，附证据与协调、指定管辖机关。"),
      form,
      h("h3", { class: "section" }, "领域 × 乡镇街道 热力图"),
      heat,
      h("h3", { class: "section" }, "问题列表"),
      list,
      pager,
    );
    reload();
    void drawHeat();
  },
};

function renderFinding(finding: Finding): HTMLElement {
  const items = finding.items.length ? finding.items : finding.item ? [finding.item] : [];
  const routing = [
    finding.coordinator
      ? `协调：${finding.coordinator.name}` +
        (finding.coordinatingGovernment ? `（${finding.coordinatingGovernment.name}）` : "")
      : null,
    finding.designatingAuthority ? `协商不成由${finding.designatingAuthority.name}指定管辖` : null,
    finding.notified.length ? `抄告：${finding.notified.map((u) => u.name).join("、")}` : null,
  ].filter(Boolean) as string[];
  return h(
    "article",
    {
      class: `finding severity-${finding.severity.toLowerCase()}`,
      "data-finding": finding.id,
      "data-kind": finding.kind,
      "data-field": finding.field ?? undefined,
    },
    h(
      "header",
      {},
      h("span", { class: `badge kind-${finding.kind.toLowerCase()}` }, FINDING_KIND[finding.kind]),
      h("span", { class: "severity" }, `${SEVERITY[finding.severity]}`),
      h("code", {}, finding.id),
    ),
    h("p", { class: "summary" }, finding.summary),
    h(
      "details",
      {},
      h("summary", {}, "证据与办理"),
      h(
        "dl",
        {},
        items.length
          ? [
              h("dt", {}, "事项"),
              h("dd", {}, items.map((i) => `${i.name}（${i.code}）`).join("；")),
            ]
          : null,
        finding.units.length
          ? [h("dt", {}, "执法主体"), h("dd", {}, finding.units.map((u) => u.name).join("、"))]
          : null,
        finding.places.length
          ? [h("dt", {}, "地点"), h("dd", {}, finding.places.map((p) => p.name).join("、"))]
          : null,
        finding.acts.length
          ? [h("dt", {}, "相关决定"), h("dd", {}, finding.acts.join("、"))]
          : null,
        finding.holdings.length
          ? [h("dt", {}, "相关职权"), h("dd", {}, `${finding.holdings.length} 项`)]
          : null,
        finding.cause
          ? [h("dt", {}, "成因"), h("dd", {}, CAUSE[finding.cause] ?? finding.cause)]
          : null,
        routing.length
          ? [h("dt", {}, "办理"), h("dd", { class: "routing" }, routing.join("；"))]
          : null,
      ),
    ),
  );
}
