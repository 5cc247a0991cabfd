// 管辖查询: who is competent for an item at a place on a date, and why — with a memo to copy.
import { ApiError, describeError, request } from "../api";
import { Picker } from "../components/picker";
import { copyText, h, replace, today } from "../dom";
import type { JurisdictionQuery } from "../gql/graphql";
import { ACT_KIND, CATEGORY, MODE, ROLE, STATUS, interval } from "../labels";
import type { Page } from "../page";
import { setParams } from "../page";
import { Jurisdiction } from "../queries";

type Answer = JurisdictionQuery["jurisdiction"];
type Holder = Answer["holders"][number];

export const queryPage: Page = {
  id: "query",
  title: "管辖查询",
  mount(container, params) {
    const item = new Picker("item", "item");
    const place = new Picker("region", "place");
    const at = h("input", { type: "date", name: "at", value: params.get("at") ?? today() });
    const recorded = h("input", { type: "date", name: "asRecordedOn" });
    recorded.value = params.get("asRecordedOn") ?? "";
    const result = h("section", { class: "result", "aria-live": "polite" });
    const run = async () => {
      if (!item.value || !place.value) {
        replace(result, h("p", { class: "hint" }, "请先选择职权事项和地点。"));
        return;
      }
      setParams("query", {
        item: item.value.key,
        place: place.value.key,
        at: at.value,
        asRecordedOn: recorded.value,
      });
      result.dataset.state = "loading";
      try {
        const data = await request(Jurisdiction, {
          item: item.value.key,
          place: place.value.key,
          at: at.value || null,
          asRecordedOn: recorded.value || null,
        });
        replace(result, renderAnswer(data.jurisdiction, recorded.value));
        result.dataset.state = "ready";
        performance.mark("answer-shown"); // read by the browser benchmark
      } catch (error) {
        if (error instanceof ApiError && error.code === "NOT_FOUND" && recorded.value) {
          // nothing about the item or the place had been recorded by then
          replace(
            result,
            h(
              "p",
              { class: "hint", "data-unrecorded": true },
              `截至 ${recorded.value} 的记录中尚无该事项或地点（${error.message}）。`,
            ),
          );
          result.dataset.state = "unrecorded";
          return;
        }
        replace(result, h("p", { class: "error" }, describeError(error)));
        result.dataset.state = "error";
      }
    };
    const form = h(
      "form",
      {
        class: "toolbar",
        onsubmit: (event: Event) => {
          event.preventDefault();
          void run();
        },
      },
      h("label", {}, "职权事项", item.element),
      h("label", {}, "地点", place.element),
      h("label", {}, "日期", at),
      h("label", { title: "按该日终了时的记录作答（已记录的决定）" }, "记录截至", recorded),
      h("button", { type: "submit", class: "primary" }, "查询"),
    );
    replace(
      container,
      h("h2", {}, "管辖查询"),
      h(
        "p",
        { class: "lead" },
        "查询某一职权事项在某地某日由谁行使、依据为何；可按记录日期回溯当时的记录。",
      ),
      form,
      result,
    );
    const itemKey = params.get("item");
    const placeKey = params.get("place");
    if (itemKey && placeKey) {
      item.set({ key: itemKey, name: itemKey });
      place.set({ key: placeKey, name: placeKey });
      void run().then(() => {
        const answer = result.querySelector<HTMLElement>("[data-item-name]");
        if (answer) {
          item.set({ key: itemKey, name: answer.dataset.itemName ?? itemKey });
          place.set({ key: placeKey, name: answer.dataset.placeName ?? placeKey });
        }
      });
    }
  },
};

function renderAnswer(answer: Answer, recordedOn: string): HTMLElement {
  const status = STATUS[answer.status];
  const statusClass = answer.status.toLowerCase().replace("_", "-");
  const memo = h("pre", { class: "memo", "data-memo": true }, answer.explanation);
  const copy = h("button", { type: "button", class: "copy" }, "复制说明");
  copy.addEventListener("click", async () => {
    await copyText(answer.explanation);
    copy.textContent = "已复制";
    window.setTimeout(() => (copy.textContent = "复制说明"), 1500);
  });
  return h(
    "article",
    {
      class: "answer",
      "data-status": answer.status,
      "data-item-name": answer.item.name,
      "data-place-name": answer.place.name,
    },
    h(
      "header",
      {},
      h("span", { class: `badge status-${statusClass}` }, status),
      h(
        "h3",
        {},
        `${answer.item.name}`,
        h(
          "small",
          {},
          ` ${answer.item.code}${answer.item.category ? " · " + CATEGORY[answer.item.category] : ""}`,
        ),
      ),
      h(
        "p",
        { class: "meta" },
        `地点：${answer.place.name}（${answer.place.code}）　日期：${answer.at}`,
        recordedOn ? `　记录截至：${recordedOn}` : "",
      ),
    ),
    answer.holders.length
      ? h(
          "table",
          { class: "holders" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["执法主体", "角色", "方式", "有效期", "范围", "法律依据", "决定链"].map((t) =>
                h("th", {}, t),
              ),
            ),
          ),
          h("tbody", {}, answer.holders.map(renderHolder)),
        )
      : h("p", { class: "hint" }, "该日无有权行使的执法主体。"),
    answer.counterparts.length
      ? h(
          "div",
          { class: "counterparts" },
          h("h4", {}, "跨界协作对口单位"),
          h(
            "ul",
            {},
            answer.counterparts.map((c) =>
              h("li", {}, `${c.unit.name}（${c.region.name}）— ${c.agreementTitle}`),
            ),
          ),
        )
      : null,
    h(
      "div",
      { class: "memo-box" },
      h("div", { class: "memo-head" }, h("h4", {}, "说明（可粘贴入公文）"), copy),
      memo,
    ),
  );
}

function renderHolder(holder: Holder): HTMLElement {
  return h(
    "tr",
    { "data-unit": holder.unit.id, "data-role": holder.role },
    h(
      "td",
      { class: "unit" },
      holder.unit.name,
      holder.illustrative ? h("span", { class: "badge illustrative" }, "示例数据") : null,
      holder.principal ? h("small", {}, `以${holder.principal.name}名义`) : null,
    ),
    h("td", {}, h("span", { class: `role role-${holder.role.toLowerCase()}` }, ROLE[holder.role])),
    h("td", {}, MODE[holder.mode], holder.joint ? "（联合执法）" : ""),
    h("td", { class: "nowrap" }, interval(holder.validFrom, holder.validTo)),
    h(
      "td",
      {},
      holder.scope.name,
      holder.carvedOut.length
        ? h("small", {}, `不含${holder.carvedOut.map((c) => c.name).join("、")}`)
        : null,
    ),
    h(
      "td",
      {},
      holder.basis.map((b) =>
        h(
          "div",
          { class: b.inForce ? "" : "stale", title: b.text ?? "" },
          `《${b.lawTitle}》${b.article}`,
        ),
      ),
    ),
    h(
      "td",
      {},
      h(
        "ol",
        { class: "chain" },
        holder.chain.map((link) =>
          h(
            "li",
            { title: link.explanation },
            `${link.effective} ${ACT_KIND[link.kind]} ${link.docNumber ?? link.docTitle ?? link.act}`,
          ),
        ),
      ),
    ),
  );
}
