// A searchable picker: type a name, code or alias; the service's search queries rank the hits.
import { request } from "../api";
import { debounce, h, replace } from "../dom";
import { SearchItems, SearchRegions, SearchUnits } from "../queries";

export type PickerKind = "item" | "unit" | "region";

export interface Picked {
  key: string;
  name: string;
}

const PLACEHOLDER: Record<PickerKind, string> = {
  item: "输入事项名称或编码",
  unit: "输入执法主体名称",
  region: "输入乡镇街道名称或区划代码",
};

async function search(kind: PickerKind, text: string) {
  const variables = { text, limit: 12 };
  if (kind === "item") return (await request(SearchItems, variables)).searchItems;
  if (kind === "unit") return (await request(SearchUnits, variables)).searchUnits;
  return (await request(SearchRegions, variables)).searchRegions;
}

export class Picker {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private picked: Picked | null = null;
  private listeners: ((value: Picked) => void)[] = [];

  constructor(
    private kind: PickerKind,
    name: string,
  ) {
    this.input = h("input", {
      type: "search",
      name,
      autocomplete: "off",
      placeholder: PLACEHOLDER[kind],
      "data-picker": name,
    });
    this.list = h("ul", { class: "picker-list", role: "listbox", hidden: true });
    this.element = h("div", { class: "picker" }, this.input, this.list);
    const refresh = debounce(() => void this.refresh(), 120);
    this.input.addEventListener("input", () => {
      this.picked = null;
      refresh();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const first = this.list.querySelector<HTMLLIElement>("li[data-key]");
        first?.click();
      } else if (event.key === "Escape") {
        this.list.hidden = true;
      }
    });
    this.input.addEventListener("blur", () =>
      window.setTimeout(() => (this.list.hidden = true), 150),
    );
  }

  get value(): Picked | null {
    return this.picked;
  }

  set(value: Picked | null): void {
    this.picked = value;
    this.input.value = value ? value.name : "";
    this.input.title = value ? value.key : "";
  }

  setKind(kind: PickerKind): void {
    this.kind = kind;
    this.input.placeholder = PLACEHOLDER[kind];
    this.set(null);
  }

  onChange(listener: (value: Picked) => void): void {
    this.listeners.push(listener);
  }

  private async refresh(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) {
      this.list.hidden = true;
      return;
    }
    const hits = await search(this.kind, text);
    if (this.input.value.trim() !== text) return; // a newer keystroke won
    replace(
      this.list,
      hits.length
        ? hits.map((hit) =>
            h(
              "li",
              {
                role: "option",
                "data-key": hit.key,
                onmousedown: (event: Event) => event.preventDefault(),
                onclick: () => this.choose({ key: hit.key, name: hit.name }),
              },
              h("span", { class: "hit-name" }, hit.name),
              h("span", { class: "hit-detail" }, `${hit.detail} · ${hit.key}`),
            ),
          )
        : h("li", { class: "empty" }, "无匹配结果"),
    );
    this.list.hidden = false;
  }

  private choose(value: Picked): void {
    this.set(value);
    this.list.hidden = true;
    for (const listener of this.listeners) listener(value);
  }
}
