// The one door every tenant call passes (Connection.client is this, and the
// authenticated client behind it is not exposed). The send policy
// (sendPolicy.ts) decides per request; this enforces it: a read-only
// profile's write is refused here whoever asks, and a write waits for the
// caller's UI to confirm it, given as a function (a terminal prompt or --yes,
// the shell's dialog, or a wizard whose typed confirmation already covered
// the exact calls). The classification rides on the request (`writes`) so the
// retry policy never repeats a write that may have reached the server.
import type { ApiRequest } from '../http/types.js';
import type { FalconResponse } from '../auth/falconClient.js';
import type { ScopeCatalog } from '../catalog/types.js';
import { describeRequest } from './describeRequest.js';
import { planSend, type RequestEffect, type SendPlan, type SendProfile } from './sendPolicy.js';
import { NotSentError } from './notSent.js';

/** What a confirmation shows and asks about. */
export interface ConfirmRequest {
  /** "This call changes the tenant (…):" */
  title: string;
  /** the whole request: method, URL with its query, body */
  lines: string[];
  request: ApiRequest;
  effect: RequestEffect;
}

/** The caller's answer: true sends; false (or a thrown NotSentError) sends nothing. */
export type ConfirmWrite = (ask: ConfirmRequest) => Promise<boolean>;

export interface SendOptions {
  /** answers this call's confirmation instead of the connection's answerer */
  confirm?: ConfirmWrite;
}

/** Anything that sends through the door (or, in tests, a plain client): a per-call answerer, and the plan in advance. */
export interface PolicyCaller {
  request(req: ApiRequest, options?: SendOptions): Promise<FalconResponse>;
  /** what the policy will do with `req`, without sending it */
  plan?(req: ApiRequest): Promise<SendPlan>;
}

/** The answerer where no one can be asked: a write is not sent. */
export const refuseUnconfirmed: ConfirmWrite = async (ask) => {
  throw new NotSentError(`Not sent: ${ask.effect.because}, and nothing here can ask for a confirmation of ${ask.request.method} ${ask.request.path}.`, 'unconfirmed');
};

export interface GuardedClientOptions {
  /** the authenticated client, reached only through this door */
  client: { request(req: ApiRequest): Promise<FalconResponse> };
  profile: SendProfile;
  /** the catalog in use (the profile's imported one, else the bundled one) */
  catalog(): Promise<ScopeCatalog>;
  /** where calls go; may need the first token (cloud autodiscovery) */
  baseUrl(): Promise<string>;
  /** the default answerer (default: refuse) */
  confirm?: ConfirmWrite;
}

export class GuardedClient implements PolicyCaller {
  constructor(private readonly options: GuardedClientOptions) {}

  get profile(): SendProfile {
    return this.options.profile;
  }

  async plan(req: ApiRequest): Promise<SendPlan> {
    return planSend(req, this.options.profile, await this.options.catalog());
  }

  async request(req: ApiRequest, options: SendOptions = {}): Promise<FalconResponse> {
    const plan = await this.plan(req);
    if (plan.action === 'refuse') throw new NotSentError(plan.reason, 'refused');
    if (plan.action === 'confirm') {
      // The URL shown is the one called: with autodiscovery it is known after the first token.
      const lines = describeRequest(req, await this.options.baseUrl());
      req.signal?.throwIfAborted();
      const answer = options.confirm ?? this.options.confirm ?? refuseUnconfirmed;
      if (!(await answer({ title: plan.title, lines, request: req, effect: plan.effect }))) {
        throw new NotSentError('Cancelled: nothing was sent.', 'cancelled');
      }
      req.signal?.throwIfAborted();
    }
    return this.options.client.request({ ...req, writes: plan.effect.writes });
  }

  /** The same door with another default answerer (a wizard's, or one that refuses). */
  withConfirm(confirm: ConfirmWrite): PolicyCaller {
    return {
      request: (req, options) => this.request(req, { confirm: options?.confirm ?? confirm }),
      plan: (req) => this.plan(req),
    };
  }
}
