// Finds the route for a method and path; tells "no such path" (404) apart
// from "no such method on this path" (405). Every simulated path is fixed
// (ids travel in the query or body), so a map lookup is enough.
import type { Route } from './route.js';

export type RouteMatch = { kind: 'found'; route: Route } | { kind: 'method-not-allowed'; allowed: string[] } | { kind: 'not-found' };

export class Router {
  private readonly byPath = new Map<string, Route[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const list = this.byPath.get(route.path) ?? [];
      list.push(route);
      this.byPath.set(route.path, list);
    }
  }

  match(method: string, path: string): RouteMatch {
    const candidates = this.byPath.get(path);
    if (!candidates) return { kind: 'not-found' };
    const route = candidates.find((r) => r.method === method);
    if (route) return { kind: 'found', route };
    return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((r) => r.method))] };
  }
}
