import type { HttpRequest } from '../model';

/**
 * The values that flow through a sequence: `{{id}}`, `{{id2}}`... captured from create
 * answers; `{{partnerId}}`, `{{partnerId2}}`... fresh partner ids, made the first time a step
 * names them; `{{now}}`, `{{now-3600}}`, `{{now+3600}}` times in UTC, seconds from now.
 */
export class Placeholders {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly freshId: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  private value(name: string): string | undefined {
    const time = /^now([+-]\d+)?$/.exec(name);
    if (time) return new Date(this.now() + Number(time[1] ?? 0) * 1000).toISOString();
    if (/^partnerId\d*$/.test(name)) {
      if (!this.values.has(name)) this.values.set(name, this.freshId());
      return this.values.get(name);
    }
    return this.values.get(name);
  }

  /** The text with every known placeholder filled in (unknown ones stay as they are). */
  fillText(text: string, encode = false): string {
    return text.replace(/\{\{([A-Za-z0-9+-]+)\}\}/g, (whole, name: string) => {
      const v = this.value(name);
      return v === undefined ? whole : encode ? encodeURIComponent(v) : v;
    });
  }

  /** Every string inside a JSON value, filled in. */
  fill<T>(value: T): T {
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.fillText(node);
      if (Array.isArray(node)) return node.map(walk);
      if (node !== null && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
      }
      return node;
    };
    return walk(value) as T;
  }

  /** A request with its path (each value percent-encoded), query, headers and body filled in. */
  fillRequest(request: HttpRequest): HttpRequest {
    const out: HttpRequest = {
      ...request,
      path: this.fillText(request.path, true),
      headers: this.fill(request.headers),
    };
    if (request.query) out.query = this.fill(request.query);
    if (request.body !== undefined) out.body = this.fill(request.body);
    if (request.rawBody !== undefined) out.rawBody = this.fillText(request.rawBody);
    return out;
  }
}

/** The number of seconds one tick of a timestamp's precision is: 0.001 for `.123`, 1 for none. */
export function tickOf(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) return undefined;
  const fraction = /T\d{2}:\d{2}:\d{2}(\.(\d+))?/.exec(timestamp)?.[2];
  return fraction ? 10 ** -Math.min(fraction.length, 3) : 1;
}
