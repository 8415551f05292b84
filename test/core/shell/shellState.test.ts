// The shell's one reducer: a response carries the request and profile that
// produced it, and a failed send or a profile switch leaves no older answer
// on screen; the confirmation, overlays, help and the hand-off.
import { describe, expect, it } from 'vitest';
import { currentResponse, initialShellState, isBusy, labelOf, shellReducer, type ShellAction, type ShellState } from '../../../src/core/shell/shellState.js';
import { startNavigation, withResponse } from '../../../src/core/shell/pageNavigator.js';
import type { ApiResponse } from '../../../src/core/http/types.js';
import { initialContainmentState } from '../../../src/core/wizards/containment/machine.js';
import { initialHashSearchState } from '../../../src/core/wizards/hashSearch/machine.js';

const run = (...actions: ShellAction[]): ShellState => actions.reduce(shellReducer, initialShellState());
const req = { method: 'GET' as const, path: '/devices/queries/devices/v1' };
const res = { status: 200, headers: {}, body: { kind: 'json', value: { resources: [] } }, durationMs: 1, size: 2 } as unknown as ApiResponse;
const answered: ShellAction = { type: 'answered', nav: withResponse(startNavigation(req), res), label: labelOf(req, 'child 1') };

describe('shellReducer', () => {
  it('labels a response with its request and profile, and gives it the focus', () => {
    const s = run({ type: 'sending', label: labelOf(req, 'child 1') }, answered);
    expect(isBusy(s)).toBe(false);
    expect(currentResponse(s)).toBe(res);
    expect(s.label).toEqual({ method: 'GET', path: '/devices/queries/devices/v1', profile: 'child 1' });
    expect(s.focus).toBe('response');
  });

  it('clears the previous answer when a send fails, and keeps it when the user cancels', () => {
    const failed = run(answered, { type: 'sending', label: labelOf(req, 'child 1') }, { type: 'failed', text: 'Cannot reach', cancelled: false });
    expect(currentResponse(failed)).toBeUndefined();
    expect(failed.label).toBeUndefined();
    expect(failed.message).toEqual({ text: 'Cannot reach', error: true });
    const cancelled = run(answered, { type: 'sending', label: labelOf(req, 'child 1') }, { type: 'failed', text: 'Request cancelled.', cancelled: true });
    expect(currentResponse(cancelled)).toBe(res);
    expect(cancelled.label?.profile).toBe('child 1');
  });

  it("clears the previous tenant's answer on a profile switch", () => {
    const s = run(answered, { type: 'profileSwitched', profile: 'child 2' });
    expect(currentResponse(s)).toBeUndefined();
    expect(s.message?.text).toBe('Now on child 2: send to see its data.');
  });

  it("asks for the door's confirmation during a send, then goes on with that send", () => {
    let s = run({ type: 'sending', label: labelOf(req, 'p') }, { type: 'confirm', title: 'This call changes the tenant:', lines: ['POST /x'], request: req });
    expect(s.phase).toMatchObject({ kind: 'confirming', label: { profile: 'p' } });
    expect(isBusy(s)).toBe(true);
    s = shellReducer(s, { type: 'confirmAnswered' });
    expect(s.phase).toEqual({ kind: 'sending', label: labelOf(req, 'p') });
    s = shellReducer(s, { type: 'failed', text: 'Cancelled: nothing was sent.', cancelled: true });
    expect(s.phase.kind).toBe('idle');
    expect(s.message).toEqual({ text: 'Cancelled: nothing was sent.', error: false });
  });

  it('opens help over an overlay and closes it back to the overlay', () => {
    const s = run({ type: 'open', overlay: 'contain' }, { type: 'toggleHelp' });
    expect(s).toMatchObject({ overlay: 'contain', help: true });
    expect(shellReducer(s, { type: 'toggleHelp' })).toMatchObject({ overlay: 'contain', help: false });
  });

  it('returns to hash search when the containment wizard it handed hosts to closes', () => {
    let s = run({ type: 'open', overlay: 'hashSearch' }, { type: 'handOff', state: initialContainmentState() });
    expect(s).toMatchObject({ overlay: 'contain', returnTo: 'hashSearch' });
    s = shellReducer(s, { type: 'close' });
    expect(s).toMatchObject({ overlay: 'hashSearch', returnTo: undefined, handOff: undefined });
    expect(shellReducer(s, { type: 'close' }).overlay).toBe('none');
  });

  it('goes back through alert triage → hash search → containment one close at a time', () => {
    const hash = initialHashSearchState('a'.repeat(64));
    let s = run({ type: 'open', overlay: 'alerts' }, { type: 'handOffHash', state: hash });
    expect(s).toMatchObject({ overlay: 'hashSearch', under: ['alerts'], hashHandOff: hash });
    s = shellReducer(s, { type: 'handOff', state: initialContainmentState() });
    expect(s).toMatchObject({ overlay: 'contain', under: ['alerts', 'hashSearch'], returnTo: 'hashSearch' });
    s = shellReducer(s, { type: 'close' });
    expect(s).toMatchObject({ overlay: 'hashSearch', under: ['alerts'], hashHandOff: hash, handOff: undefined });
    s = shellReducer(s, { type: 'close' });
    expect(s).toMatchObject({ overlay: 'alerts', under: undefined, hashHandOff: undefined });
    expect(shellReducer(s, { type: 'close' }).overlay).toBe('none');
    // Opening a wizard from the palette starts afresh: nothing is kept under it.
    expect(run({ type: 'open', overlay: 'alerts' }, { type: 'handOffHash', state: hash }, { type: 'open', overlay: 'hashSearch' })).toMatchObject({ overlay: 'hashSearch', under: undefined, hashHandOff: undefined });
  });

  it('can fetch all again after a fetch-all', () => {
    let s = run(answered, { type: 'fetchingAll', label: labelOf(req, 'p') });
    expect(isBusy(s)).toBe(true);
    s = shellReducer(s, { type: 'fetchedAll', response: res, text: 'Fetched 5 items into f.', error: false });
    expect(isBusy(s)).toBe(false);
    expect(s.nav).toBeDefined();
    expect(shellReducer(s, { type: 'fetchingAll', label: labelOf(req, 'p') }).phase.kind).toBe('fetchingAll');
  });

  it('moves the focus round the panes', () => {
    expect(run({ type: 'focusStep', delta: -1 }).focus).toBe('response');
    expect(run({ type: 'focusStep', delta: 1 }, { type: 'focusStep', delta: 1 }).focus).toBe('params');
  });
});
