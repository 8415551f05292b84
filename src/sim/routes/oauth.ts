// POST /oauth2/token and POST /oauth2/revoke, with the real statuses and the
// meta-only envelopes; region redirects for clients' autodiscovery.
import { SimHttpError, type SimResponse } from '../envelope.js';
import type { Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { ApiClient } from '../oauth/clients.js';

const POWERED_BY = 'csam';

function form(req: SimRequest): Record<string, string> {
  return (req.body as Record<string, string> | undefined) ?? {};
}

/** Credentials from an HTTP Basic header (scheme matched case-insensitively), if any. */
function basicCredentials(req: SimRequest): { id: string; secret: string } | undefined {
  const m = /^basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

function metaOnlyError(status: number, message: string): never {
  throw new SimHttpError(status, message, { poweredBy: POWERED_BY, metaOnly: true });
}

/** A CID as the API accepts it: lowercase, without a "-XX" checksum suffix. */
function normaliseCid(cid: string): string {
  return cid.trim().toLowerCase().replace(/-[0-9a-f]{2}$/, '');
}

function token(req: SimRequest, ctx: SimContext): SimResponse {
  const f = form(req);
  const basic = basicCredentials(req);
  const id = f.client_id ?? basic?.id;
  const secret = f.client_secret ?? basic?.secret;
  if (!id || !secret) metaOnlyError(400, 'Failed to issue access token - client_id and client_secret are required.');
  const client = ctx.clients.authenticate(id, secret);
  if (!client) metaOnlyError(403, 'Failed to issue access token - Client authentication failed.');

  let cid = client.cid;
  if (f.member_cid) {
    const member = normaliseCid(f.member_cid);
    if (member !== client.cid && !client.children.includes(member)) {
      metaOnlyError(403, `Failed to generate access token for customer ID=${f.member_cid}.`);
    }
    cid = member;
  }

  const { region, clientRegion, regionRedirect, regionUrls, tokenTtl, regionHeader } = ctx.options;
  const regionHeaders: Record<string, string> = regionHeader ? { 'X-Cs-Region': clientRegion } : {};
  if (clientRegion !== region && regionRedirect === '308') {
    const target = regionUrls[clientRegion];
    return {
      status: 308,
      metaOnly: true,
      poweredBy: POWERED_BY,
      errors: [{ code: 308, message: `This client belongs to ${clientRegion}; request the token there.` }],
      headers: { ...regionHeaders, ...(target ? { Location: `${target.replace(/\/$/, '')}/oauth2/token` } : {}) },
    };
  }
  // In the 201 form a wrong-region token is minted for the client's home region, so it fails here.
  const accessToken = ctx.tokens.issue(client.id, client.scopes, cid, clientRegion, tokenTtl);
  return {
    status: 201,
    headers: regionHeaders,
    raw: { access_token: accessToken, token_type: 'bearer', expires_in: tokenTtl },
  };
}

function revoke(req: SimRequest, ctx: SimContext): SimResponse {
  const f = form(req);
  if (!f.token) metaOnlyError(400, "The 'token' field is required.");
  const basic = basicCredentials(req);
  let caller: ApiClient | undefined;
  if (basic) {
    caller = ctx.clients.authenticate(basic.id, basic.secret);
    if (!caller) metaOnlyError(403, 'access denied, authorization failed');
  }
  const record = ctx.tokens.get(f.token);
  // Revoking a token of another client is refused; an unknown token is a no-op, as on the real API.
  if (record && caller && record.clientId !== caller.id) metaOnlyError(403, 'access denied, authorization failed');
  if (record && !caller && f.client_id && record.clientId !== f.client_id) metaOnlyError(403, 'access denied, authorization failed');
  ctx.tokens.revoke(f.token);
  return { status: 200, metaOnly: true, poweredBy: POWERED_BY, errors: [] };
}

export const oauthRoutes: Route[] = [
  { method: 'POST', path: '/oauth2/token', scope: null, body: 'form', query: {}, handler: token },
  { method: 'POST', path: '/oauth2/revoke', scope: null, body: 'form', query: {}, handler: revoke },
];
