/**
 * HTML building without unescaped interpolation: the {@link html} tagged template escapes every
 * interpolated value unless it is already {@link SafeHtml} (the result of `html` or of
 * {@link trustedHtml}, which only sanitised article HTML and search snippets go through).
 */

/** A fragment of HTML that is safe to insert as is. */
export class SafeHtml {
  /** The markup. */
  readonly value: string;
  /** @param value - markup that is already escaped or sanitised. */
  constructor(value: string) {
    this.value = value;
  }
  /** The markup. */
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), safe HTML, lists of these, or nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an element body or a quoted attribute value.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: every `${value}` is escaped unless it is {@link SafeHtml}; arrays are joined.
 * @example html`<p title="${t}">${body}</p>`.value
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/**
 * Marks markup as safe WITHOUT escaping. Only for HTML that went through the sanitiser
 * (article bodies) or is escaped by construction (search snippets with `<mark>`).
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
