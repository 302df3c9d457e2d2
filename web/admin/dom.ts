/** Tiny DOM helpers: every value goes in as text or an attribute, never as HTML, so no data can become markup. */
export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value != null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) parent.appendChild(document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A day as "15 Jan 2027". Arrival and promise dates come as calendar days ("2027-01-15", the Date
 * scalar): shown as they are, never through the browser's time zone. An instant (an order date)
 * shows its UTC day.
 */
export function day(iso: string | null | undefined, missing = "—"): Child {
  if (!iso) return h("span", { class: "muted" }, missing);
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [y, m, d] = calendar ? [Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])]
    : [new Date(iso).getUTCFullYear(), new Date(iso).getUTCMonth(), new Date(iso).getUTCDate()];
  return h("time", { datetime: iso.slice(0, 10) }, `${d} ${MONTHS[m]} ${y}`);
}

/** A moment (a run's start) in the reader's own time zone. */
export function moment(iso: string | null | undefined): Child {
  if (!iso) return h("span", { class: "muted" }, "—");
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h("time", { datetime: iso }, `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`);
}

export const STATUS_WORDS: Record<string, string> = { CREATED: "Created", APPROVED: "Approved", COMPLETED: "Completed", CANCELLED: "Cancelled" };

export function statusBadge(status: string): HTMLElement {
  return h("span", { class: `badge status-${status.toLowerCase()}` }, STATUS_WORDS[status] ?? status);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A message box; `role=alert` so screen readers announce errors. */
export function notice(kind: "error" | "success" | "info", ...children: Child[]): HTMLElement {
  return h("div", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" }, ...children);
}

/**
 * Names each body and footer cell after its column (data-label), so a narrow screen can show a
 * table row as a card of "Column: value" lines instead of scrolling sideways (admin.css).
 */
export function stackable(table: HTMLTableElement): HTMLTableElement {
  const headRow = table.tHead?.rows[table.tHead.rows.length - 1];
  const names: string[] = [];
  for (const cell of headRow ? Array.from(headRow.cells) : []) for (let i = 0; i < cell.colSpan; i++) names.push(cell.textContent?.trim() ?? "");
  for (const section of [...Array.from(table.tBodies), ...(table.tFoot ? [table.tFoot] : [])]) {
    for (const row of Array.from(section.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        if (!cell.hasAttribute("data-label")) cell.setAttribute("data-label", cell.colSpan > 1 || cell.tagName === "TH" ? "" : names[column] ?? "");
        column += cell.colSpan;
      }
    }
  }
  return table;
}
