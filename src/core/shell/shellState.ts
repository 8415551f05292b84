// The shell's state as one pure reducer: what it is doing (idle, asking to
// confirm a call, sending, fetching every page), the response on screen and
// the request and profile that produced it, the one-line message, the focused
// pane and the open overlay. The UI dispatches; tests drive it without React.
import type { ApiRequest, ApiResponse } from '../http/types.js';
import type { PageNavigator } from './pageNavigator.js';
import type { FetchAllUpdate } from './fetchAll.js';
import type { ContainmentState } from '../wizards/containment/types.js';
import type { HashSearchState } from '../wizards/hashSearch/machine.js';

export type PaneId = 'endpoint' | 'method' | 'params' | 'body' | 'response';
export const FOCUS_ORDER: readonly PaneId[] = ['endpoint', 'method', 'params', 'body', 'response'];

export type Overlay = 'none' | 'profiles' | 'palette' | 'history' | 'saved' | 'save' | 'curl' | 'contain' | 'hashSearch' | 'vulns' | 'alerts' | 'dashboard' | 'code';

/** Which request, on which profile, a response answers. */
export interface ResponseLabel {
  method: string;
  path: string;
  profile: string;
}

export type Phase =
  | { kind: 'idle' }
  /** the door asks before a write; the send it belongs to goes on once answered */
  | { kind: 'confirming'; title: string; lines: string[]; request: ApiRequest; label?: ResponseLabel }
  | { kind: 'sending'; label: ResponseLabel }
  | { kind: 'fetchingAll'; label: ResponseLabel };

export interface ShellMessage {
  text: string;
  error: boolean;
}

export interface ShellState {
  phase: Phase;
  /** the pages of the response on screen */
  nav?: PageNavigator;
  /** a finished fetch-all's first items, shown instead of the page */
  allResponse?: ApiResponse;
  /** what produced the response on screen */
  label?: ResponseLabel;
  progress?: FetchAllUpdate;
  message?: ShellMessage;
  focus: PaneId;
  overlay: Overlay;
  /** help shows over everything, which stays as it was beneath */
  help: boolean;
  /** hosts handed from hash search or alert triage to the containment wizard */
  handOff?: ContainmentState;
  /** a hash handed from alert triage to the hash search wizard */
  hashHandOff?: HashSearchState;
  /** where closing the overlay returns (hash search, after its hand-off) */
  returnTo?: Overlay;
  /** overlays kept (hidden) under the current one, the nearest last: closing goes back through them */
  under?: Overlay[];
}

export type ShellAction =
  | { type: 'focus'; pane: PaneId }
  | { type: 'focusStep'; delta: 1 | -1 }
  | { type: 'open'; overlay: Overlay }
  | { type: 'close' }
  | { type: 'toggleHelp' }
  | { type: 'handOff'; state: ContainmentState }
  | { type: 'handOffHash'; state: HashSearchState }
  | { type: 'message'; text?: string; error?: boolean }
  | { type: 'confirm'; title: string; lines: string[]; request: ApiRequest }
  | { type: 'confirmAnswered' }
  | { type: 'sending'; label: ResponseLabel }
  | { type: 'answered'; nav: PageNavigator; label: ResponseLabel }
  | { type: 'failed'; text: string; cancelled: boolean }
  | { type: 'pageBack'; nav: PageNavigator }
  | { type: 'fetchingAll'; label: ResponseLabel }
  | { type: 'fetchProgress'; update: FetchAllUpdate }
  | { type: 'fetchedAll'; response?: ApiResponse; text: string; error: boolean }
  | { type: 'profileSwitched'; profile: string };

export function initialShellState(): ShellState {
  return { phase: { kind: 'idle' }, focus: 'endpoint', overlay: 'none', help: false };
}

export function isBusy(state: ShellState): boolean {
  return state.phase.kind !== 'idle';
}

/** The response on screen: a fetch-all's preview, else the current page. */
export function currentResponse(state: ShellState): ApiResponse | undefined {
  return state.allResponse ?? state.nav?.response;
}

export function labelOf(request: ApiRequest, profile: string): ResponseLabel {
  return { method: request.method, path: request.path, profile };
}

const IDLE: Phase = { kind: 'idle' };

/** A wizard opened by a hand-off from the current one, which stays underneath (the wizards are the only ones that hand off). */
function handedTo(state: ShellState, overlay: Overlay): Pick<ShellState, 'overlay' | 'returnTo' | 'under'> {
  const keeps = state.overlay === 'hashSearch' || state.overlay === 'alerts';
  const under = keeps ? [...(state.under ?? []), state.overlay] : undefined;
  return { overlay, returnTo: under?.at(-1), under };
}

export function shellReducer(state: ShellState, action: ShellAction): ShellState {
  switch (action.type) {
    case 'focus':
      return { ...state, focus: action.pane };
    case 'focusStep': {
      const n = FOCUS_ORDER.length;
      const i = FOCUS_ORDER.indexOf(state.focus);
      return { ...state, focus: FOCUS_ORDER[(i + action.delta + n) % n] as PaneId };
    }
    case 'open':
      return { ...state, overlay: action.overlay, handOff: action.overlay === 'contain' ? undefined : state.handOff, hashHandOff: undefined, returnTo: undefined, under: undefined, help: false };
    case 'close': {
      // Closing a wizard opened by a hand-off goes back to the one that handed over (hash search, alert triage).
      const under = state.under ?? [];
      const overlay = under.at(-1) ?? 'none';
      const rest = under.slice(0, -1);
      return {
        ...state,
        overlay,
        returnTo: rest.at(-1),
        under: rest.length ? rest : undefined,
        handOff: undefined,
        hashHandOff: overlay === 'hashSearch' ? state.hashHandOff : undefined,
      };
    }
    case 'toggleHelp':
      return { ...state, help: !state.help };
    case 'handOff':
      return { ...state, ...handedTo(state, 'contain'), handOff: action.state };
    case 'handOffHash':
      return { ...state, ...handedTo(state, 'hashSearch'), hashHandOff: action.state };
    case 'message':
      return { ...state, message: action.text ? { text: action.text, error: action.error ?? false } : undefined };
    case 'confirm': {
      const label = state.phase.kind === 'sending' || state.phase.kind === 'fetchingAll' ? state.phase.label : undefined;
      return { ...state, phase: { kind: 'confirming', title: action.title, lines: action.lines, request: action.request, label } };
    }
    case 'confirmAnswered':
      // Back to the send that asked; its answer or refusal ends it.
      if (state.phase.kind !== 'confirming') return state;
      return { ...state, phase: state.phase.label ? { kind: 'sending', label: state.phase.label } : IDLE };
    case 'sending':
      return { ...state, phase: { kind: 'sending', label: action.label }, message: undefined, progress: undefined };
    case 'answered':
      // A new response takes the focus (and so the room) to be read.
      return { ...state, phase: IDLE, nav: action.nav, allResponse: undefined, label: action.label, focus: 'response' };
    case 'failed':
      if (action.cancelled) return { ...state, phase: IDLE, message: { text: action.text, error: false } };
      // The older answer goes: it must not pass for the answer to this request.
      return { ...state, phase: IDLE, nav: undefined, allResponse: undefined, label: undefined, message: { text: action.text, error: true } };
    case 'pageBack':
      return { ...state, nav: action.nav, allResponse: undefined };
    case 'fetchingAll':
      return { ...state, phase: { kind: 'fetchingAll', label: action.label }, message: undefined, progress: undefined, allResponse: undefined };
    case 'fetchProgress':
      return { ...state, progress: action.update };
    case 'fetchedAll':
      return { ...state, phase: IDLE, allResponse: action.response ?? state.allResponse, message: { text: action.text, error: action.error } };
    case 'profileSwitched':
      return {
        ...state,
        nav: undefined,
        allResponse: undefined,
        label: undefined,
        progress: undefined,
        message: { text: `Now on ${action.profile}: send to see its data.`, error: false },
      };
  }
}
