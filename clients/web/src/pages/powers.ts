// 权力清单: what a unit holds on a date, with the legal basis and the places carved out, and what
// changed against another date (the list the acts derive; published versions come with their API).
import { describeError, request } from "../api";
import { Picker } from "../components/picker";
import { h, replace, today } from "../dom";
import type { PowerListPageQuery } from "../gql/graphql";
import { CATEGORY, MODE, ROLE, interval } from "../labels";
import type { Page } from "../page";
import { setParams } from "../page";
import { PowerListPage, SearchUnits } from "../queries";

type Entry = PowerListPageQuery["powerListPage"]["edges"][number]["node"];

const PAGE = 200; // the most rows the service gives in one page

// The whole list, page after page (each request bounded; each page is cached by the service).
async function powerList(unit: string, at: string | null): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: PowerListPageQuery["powerListPage"] = (
      await request(PowerListPage, { unit, at, first: PAGE, after })
    ).powerListPage;
    entries.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return entries;
    after = page.pageInfo.endCursor;
  }
}

const entryKey = (e: Entry) => `${e.item.code}|${e.role}|${e.mode}`;
const scopeText = (e: Entry) => e.scopes.map((s) => s.name).join("、");

export const powersPage: Page = {
  id: "powers",
  title: "权力清单",
  mount(container, params) {
    const unit = new Picker("unit", "unit");
    const at = h("input", { type: "date", name: "at", value: params.get("at") ?? today() });
    const compare = h("input", { type: "date", name: "compare" });
    compare.value = params.get("compare") ?? "";
    const list = h("section", { class: "power-list" });
    const diff = h("section", { class: "power-diff" });

    const run = async () => {
      if (!unit.value) {
        replace(list, h("p", { class: "hint" }, "请选择执法主体。"));
        return;
      }
      const key = unit.value.key;
      setParams("powers", { unit: key, at: at.value, compare: compare.value });
      list.dataset.state = "loading";
      try {
        const now = await powerList(key, at.value || null);
        replace(list, renderList(now, at.value || today()));
        list.dataset.state = "ready";
        if (compare.value) {
          const then = await powerList(key, compare.value);
          replace(diff, renderDiff(then, now, compare.value, at.value || today()));
          diff.dataset.state = "ready";
        } else {
          replace(diff);
          delete diff.dataset.state;
        }
      } catch (error) {
        replace(list, h("p", { class: "error" }, describeError(error)));
        list.dataset.state = "error";
      }
    };
    replace(
      container,
      h("h2", {}, "权力清单"),
      h(
        "p",
        { class: "lead" },
        "依据已记录的决定推导某一执法主体在某日的职权，含法律依据与除外区域；可与另一日期对比变化。",
      ),
      h(
        "form",
        {
          class: "toolbar",
          onsubmit: (event: Event) => {
            event.preventDefault();
            void run();
          },
        },
        h("label", {}, "执法主体", unit.element),
        h("label", {}, "日期", at),
        h("label", {}, "对比日期", compare),
        h("button", { type: "submit", class: "primary" }, "查看"),
      ),
      diff,
      list,
    );
    const key = params.get("unit");
    if (key) {
      unit.set({ key, name: key });
      void run();
      void request(SearchUnits, { text: key, limit: 1 }).then((data) => {
        const [hit] = data.searchUnits;
        if (hit && hit.key === key && unit.value?.key === key) unit.set({ key, name: hit.name });
      });
    }
  },
};

function renderList(entries: Entry[], at: string): HTMLElement {
  if (!entries.length) return h("p", { class: "hint", "data-count": 0 }, `${at} 该主体无职权。`);
  return h(
    "div",
    {},
    h("p", { class: "count", "data-count": entries.length }, `${at} 共 ${entries.length} 项职权`),
    h(
      "table",
      { class: "powers" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["事项", "类别", "角色", "方式", "范围", "有效期", "法律依据", "决定"].map((t) =>
            h("th", {}, t),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        entries.map((e) =>
          h(
            "tr",
            { "data-item": e.item.code, "data-role": e.role },
            h(
              "td",
              {},
              e.item.name,
              e.illustrative ? h("span", { class: "badge illustrative" }, "示例数据") : null,
              h("small", {}, e.item.code),
            ),
            h("td", { class: "nowrap" }, e.item.category ? CATEGORY[e.item.category] : "—"),
            h("td", { class: "nowrap" }, ROLE[e.role]),
            h("td", { class: "nowrap" }, MODE[e.mode]),
            h(
              "td",
              {},
              scopeText(e),
              e.carvedOut.length
                ? h(
                    "small",
                    { class: "carved" },
                    `不含${e.carvedOut.map((c) => c.name).join("、")}`,
                  )
                : null,
            ),
            h("td", { class: "nowrap" }, interval(e.validFrom, e.validTo)),
            h(
              "td",
              {},
              e.basis.map((b) =>
                h("div", { class: b.inForce ? "" : "stale" }, `《${b.lawTitle}》${b.article}`),
              ),
            ),
            h("td", { class: "acts" }, e.acts.join(" → ")),
          ),
        ),
      ),
    ),
  );
}

function renderDiff(before: Entry[], after: Entry[], from: string, to: string): HTMLElement {
  const old = new Map(before.map((e) => [entryKey(e), e]));
  const now = new Map(after.map((e) => [entryKey(e), e]));
  const added = after.filter((e) => !old.has(entryKey(e)));
  const removed = before.filter((e) => !now.has(entryKey(e)));
  const changed = after.filter((e) => {
    const was = old.get(entryKey(e));
    return was && scopeText(was) !== scopeText(e);
  });
  const row = (kind: string, label: string, e: Entry, extra = "") =>
    h(
      "li",
      { class: `diff-${kind}`, "data-diff": kind, "data-item": e.item.code },
      h("span", { class: "badge" }, label),
      ` ${e.item.name}（${ROLE[e.role]}，${MODE[e.mode]}，${scopeText(e)}）${extra}`,
    );
  return h(
    "div",
    { class: "diff" },
    h("h3", {}, `与 ${from} 相比（截至 ${to}）`),
    added.length + removed.length + changed.length
      ? h(
          "ul",
          {},
          added.map((e) => row("added", "新增", e)),
          removed.map((e) => row("removed", "减少", e)),
          changed.map((e) =>
            row("changed", "范围变化", e, `，原为${scopeText(old.get(entryKey(e))!)}`),
          ),
        )
      : h("p", { class: "hint" }, "两日职权无变化。"),
  );
}
