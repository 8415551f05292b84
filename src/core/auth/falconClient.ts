// The authenticated API caller: adds the bearer token, renews it once on a
// 401, and tells a 403 caused by a token minted before a scope was granted
// apart from a scope the client really lacks.
import type { ApiCaller, ApiRequest, ApiResponse } from '../http/types.js';
import type { Session } from './session.js';

export interface FalconResponse extends ApiResponse {
  /** set on a 403 that a brand-new token did not cure: the client lacks a scope */
  missingScope?: boolean;
  /** set when a stale token caused a 403 and a new token fixed it */
  renewedStaleToken?: boolean;
}

/** A token younger than this already carries the client's current scopes. */
const FRESH_TOKEN_MS = 2000;

export class FalconClient implements ApiCaller {
  constructor(
    readonly session: Session,
    private readonly http: (baseUrl: string) => ApiCaller,
  ) {}

  async request(req: ApiRequest): Promise<FalconResponse> {
    let token = await this.session.token();
    let res = await this.send(req, token.accessToken);
    if (res.status === 401) {
      token = await this.session.renew(token.accessToken);
      res = await this.send(req, token.accessToken);
    }
    if (res.status !== 403) return res;
    // A token keeps the scopes the client had when it was minted (the XSOAR
    // pitfall); one fresh token tells a stale token from a missing scope.
    if (this.session.now() - token.issuedAt > FRESH_TOKEN_MS) {
      token = await this.session.renew(token.accessToken);
      const retried: FalconResponse = await this.send(req, token.accessToken);
      if (retried.status !== 403) return { ...retried, renewedStaleToken: true };
      res = retried;
    }
    return { ...res, missingScope: true };
  }

  private send(req: ApiRequest, accessToken: string): Promise<ApiResponse> {
    return this.http(this.session.baseUrl).request({
      ...req,
      headers: { ...req.headers, Authorization: `Bearer ${accessToken}` },
    });
  }
}
