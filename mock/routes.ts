import type { OperationModel } from '../model';

export type RouteMatch =
  | { kind: 'operation'; op: OperationModel; pathParams: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] };

interface Route {
  op: OperationModel;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments first: `/leads-opportunities/search` beats `/leads-opportunities/{id}`. */
  literalSegments: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(op: OperationModel): Route {
  const paramNames: string[] = [];
  let literalSegments = 0;
  const source = op.path
    .split('/')
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1]);
        return '([^/]+)';
      }
      if (segment) literalSegments++;
      return escapeRegExp(segment);
    })
    .join('/');
  return { op, pattern: new RegExp(`^${source}$`), paramNames, literalSegments };
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape (`%E0%A4%A`) is kept as sent: it is simply an id nobody has.
    return raw;
  }
}

/** Routes every documented path and method to its operation; nothing is named here. */
export function createRouter(
  operations: OperationModel[],
): (method: string, path: string) => RouteMatch {
  const routes = operations.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return (method, path) => {
    const wanted = method.toLowerCase();
    const allow = new Set<string>();
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.op.method !== wanted) {
        allow.add(route.op.method.toUpperCase());
        continue;
      }
      const pathParams: Record<string, string> = {};
      route.paramNames.forEach((name, i) => (pathParams[name] = decodeSegment(m[i + 1])));
      return { kind: 'operation', op: route.op, pathParams };
    }
    return allow.size > 0
      ? { kind: 'method-not-allowed', allow: [...allow] }
      : { kind: 'not-found' };
  };
}

/** Path and query of a request target (origin-form, or absolute-form as proxies send it). */
export function splitUrl(url: string): { path: string; query: URLSearchParams } | undefined {
  let target = url;
  if (!target.startsWith('/')) {
    try {
      const parsed = new URL(target);
      target = parsed.pathname + parsed.search;
    } catch {
      return undefined;
    }
  }
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}
