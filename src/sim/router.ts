// Finds the route for a method and path; tells "no such path" (404) apart
// from "no such method on this path" (405).
import type { Route } from './route.js';

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface PatternRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export class Router {
  private readonly exact = new Map<string, Route[]>();
  private readonly patterns: PatternRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      if (route.path.includes('{')) {
        const names: string[] = [];
        const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        this.patterns.push({ route, regex: new RegExp(`^${source}$`), names });
      } else {
        const list = this.exact.get(route.path) ?? [];
        list.push(route);
        this.exact.set(route.path, list);
      }
    }
  }

  match(method: string, path: string): RouteMatch {
    const candidates: { route: Route; params: Record<string, string> }[] = (this.exact.get(path) ?? []).map((route) => ({
      route,
      params: {},
    }));
    for (const p of this.patterns) {
      const m = p.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      p.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      candidates.push({ route: p.route, params });
    }
    if (candidates.length === 0) return { kind: 'not-found' };
    const hit = candidates.find((c) => c.route.method === method);
    if (hit) return { kind: 'found', ...hit };
    return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((c) => c.route.method))] };
  }
}
