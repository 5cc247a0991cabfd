// What a page of the app is: a title for the navigation and a function that draws it.
export interface Page {
  /** The hash route: #/<id>?param=value */
  id: string;
  title: string;
  mount(container: HTMLElement, params: URLSearchParams): void;
}

/** Write the page's state into the address, so a view can be bookmarked and shared. */
export function setParams(id: string, values: Record<string, string | null | undefined>): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value) params.set(name, value);
  }
  const hash = `#/${id}${params.toString() ? `?${params}` : ""}`;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}
