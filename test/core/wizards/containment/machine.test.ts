import { describe, expect, it } from 'vitest';
import { canGoBack, confirmPrompt, currentChoice, effectKey, initialContainmentState, nextEffect, reduceContainment } from '../../../../src/core/wizards/containment/machine.js';
import { parseTargets, hostnameFilter } from '../../../../src/core/wizards/containment/targets.js';
import { succeeded } from '../../../../src/core/wizards/containment/results.js';
import type { ContainmentEvent, ContainmentState, SubmitOutcome, TargetResolution } from '../../../../src/core/wizards/containment/types.js';
import type { HostRecord } from '../../../../src/core/wizards/hostRecords.js';

const id = (n: number): string => n.toString(16).padStart(32, '0');

function host(n: number, over: Partial<HostRecord> = {}): HostRecord {
  return { deviceId: id(n), hostname: `HOST-${n}`, platform: 'Windows', osVersion: 'Windows 11', lastSeen: `2026-05-0${n % 9 + 1}T08:00:00Z`, localIp: '10.0.0.1', externalIp: '203.0.113.1', status: 'normal', online: 'online', ...over };
}

function apply(state: ContainmentState, ...events: ContainmentEvent[]): ContainmentState {
  return events.reduce(reduceContainment, state);
}

/** A state that resolved `resolutions` from its input. */
function resolved(resolutions: TargetResolution[], init: Parameters<typeof initialContainmentState>[0] = {}): ContainmentState {
  const s = initialContainmentState({ text: resolutions.map((r) => r.input).join(' '), start: true, ...init });
  return reduceContainment(s, { type: 'resolved', run: s.run, resolutions });
}

const accepted = (...ns: number[]): SubmitOutcome[] => ns.map((n) => ({ deviceId: id(n), kind: 'accepted', message: 'accepted', traceId: `t${n}` }));

describe('parsing targets', () => {
  it('splits on spaces, commas and lines, drops comments and duplicates, lowercases device ids', () => {
    const text = `HOST-1, HOST-2\n# a comment\n${id(3).toUpperCase()}  HOST-1 # again\n\n`;
    expect(parseTargets(text)).toEqual({ targets: ['HOST-1', 'HOST-2', id(3)], problems: [] });
  });
  it('refuses patterns', () => {
    expect(parseTargets('WS-*').problems[0]).toMatch(/contains '\*'/);
  });
  it('builds an exact-match filter with quotes escaped', () => {
    expect(hostnameFilter(["o'brien"])).toBe("hostname:'o\\'brien'");
    expect(hostnameFilter(['a', 'b\\c'])).toBe("hostname:['a','b\\\\c']");
  });
});

describe('containment machine', () => {
  it('input: an empty or bad input stays with one sentence; a good one starts resolving', () => {
    let s = initialContainmentState();
    expect(canGoBack(s)).toBe(false);
    s = apply(s, { type: 'submitInput' });
    expect(s.step).toBe('input');
    expect(s.inputError).toMatch(/at least one hostname/);
    s = apply(s, { type: 'setText', text: 'WS-*' }, { type: 'submitInput' });
    expect(s.inputError).toMatch(/not patterns/);
    s = apply(s, { type: 'setAction', action: 'lift' }, { type: 'setText', text: 'HOST-1' }, { type: 'submitInput' });
    expect(s).toMatchObject({ step: 'resolving', action: 'lift', targets: ['HOST-1'], inputError: undefined });
    expect(nextEffect(s)).toEqual({ kind: 'resolve', run: s.run, action: 'lift', targets: ['HOST-1'] });
  });

  it('one match goes to the review, with unknown inputs reported', () => {
    const s = resolved([
      { input: 'HOST-1', kind: 'hostname', hosts: [host(1)] },
      { input: 'nope', kind: 'hostname', hosts: [] },
      { input: id(9), kind: 'deviceId', hosts: [] },
    ]);
    expect(s.step).toBe('review');
    expect(s.review?.rows.map((r) => [r.host.hostname, r.plan, r.selected])).toEqual([['HOST-1', 'act', true]]);
    expect(s.review?.problems.map((p) => p.kind)).toEqual(['no-match', 'unknown-id']);
    expect(s.review?.problems[0]?.message).toMatch(/No host is named 'nope'/);
  });

  it('several matches: choose (toggle, confirm, back), then the review has the picked hosts', () => {
    let s = resolved([
      { input: 'DUP', kind: 'hostname', hosts: [host(1, { hostname: 'DUP' }), host(2, { hostname: 'DUP' })] },
      { input: 'TWIN', kind: 'hostname', hosts: [host(3, { hostname: 'TWIN' }), host(4, { hostname: 'TWIN' })] },
    ]);
    expect(s.step).toBe('choose');
    expect(currentChoice(s)?.input).toBe('DUP');
    s = apply(s, { type: 'confirmPicks' });
    expect(s.chooseError).toMatch(/Pick at least one/);
    s = apply(s, { type: 'togglePick', deviceId: id(2) }, { type: 'togglePick', deviceId: id(3) }, { type: 'confirmPicks' });
    expect(s.picks).toEqual({ DUP: [id(2)] });
    expect(currentChoice(s)?.input).toBe('TWIN');
    s = apply(s, { type: 'back' });
    expect(currentChoice(s)?.input).toBe('DUP');
    s = apply(s, { type: 'confirmPicks' }, { type: 'pick', deviceIds: [id(3), id(4)] });
    expect(s.step).toBe('review');
    expect(s.review?.rows.map((r) => r.host.deviceId)).toEqual([id(2), id(3), id(4)]);
    // Esc from the review returns to the last choice; from the first choice to the input.
    s = apply(s, { type: 'back' });
    expect(currentChoice(s)?.input).toBe('TWIN');
    s = apply(s, { type: 'back' }, { type: 'back' });
    expect(s.step).toBe('input');
    expect(s.text).toBe('DUP TWIN');
  });

  it('review flags hosts already contained or pending, and conflicts; only the rest are sent', () => {
    const s = resolved([
      { input: 'a', kind: 'hostname', hosts: [host(1, { status: 'contained' })] },
      { input: 'b', kind: 'hostname', hosts: [host(2, { status: 'containment_pending' })] },
      { input: 'c', kind: 'hostname', hosts: [host(3, { status: 'lift_containment_pending' })] },
      { input: 'd', kind: 'hostname', hosts: [host(4)] },
      { input: id(4), kind: 'deviceId', hosts: [host(4)] },
    ]);
    expect(s.review?.rows.map((r) => [r.plan, r.note])).toEqual([
      ['already', 'already contained: skipped'],
      ['pending', 'already containment_pending: not sent again'],
      ['conflict', 'a lift is in progress: skipped, try again later'],
      ['act', 'will be contained'],
    ]);
    expect(confirmPrompt(s)).toEqual({ expected: 'HOST-4', hint: 'Type the hostname HOST-4 to contain it.', count: 1 });
  });

  it('for a lift, hosts not contained are skipped', () => {
    const s = resolved([{ input: 'a', kind: 'hostname', hosts: [host(1)] }, { input: 'b', kind: 'hostname', hosts: [host(2, { hostname: 'b', status: 'contained' })] }], { action: 'lift' });
    expect(s.review?.rows.map((r) => r.plan)).toEqual(['already', 'act']);
    expect(confirmPrompt(s)?.hint).toBe('Type the hostname b to lift its containment.');
  });

  it('confirm: the hostname for one host, the count for a batch; a mismatch stays; back returns to the review', () => {
    let s = resolved([{ input: 'a', kind: 'hostname', hosts: [host(1)] }, { input: 'b', kind: 'hostname', hosts: [host(2)] }]);
    expect(confirmPrompt(s)).toMatchObject({ expected: '2', hint: 'Type 2 to contain these 2 hosts.' });
    s = apply(s, { type: 'toggleRow', deviceId: id(2) });
    expect(confirmPrompt(s)?.expected).toBe('HOST-1');
    s = apply(s, { type: 'toggleRow', deviceId: id(2) }, { type: 'proceed' });
    expect(s.step).toBe('confirm');
    s = apply(s, { type: 'setConfirmText', text: '3' }, { type: 'confirm' });
    expect(s.step).toBe('confirm');
    expect(s.confirmError).toMatch(/does not match/);
    s = apply(s, { type: 'back' });
    expect(s.step).toBe('review');
    s = apply(s, { type: 'proceed' }, { type: 'confirm', text: ' 2 ' });
    expect(s.step).toBe('submitting');
    expect(canGoBack(s)).toBe(false);
    expect(apply(s, { type: 'back' })).toBe(s);
    expect(nextEffect(s)).toMatchObject({ kind: 'submit', run: s.run, action: 'contain', deviceIds: [id(1), id(2)] });
    // The write-ahead audit names each host before anything is sent.
    expect(nextEffect(s)).toMatchObject({ hosts: [{ deviceId: id(1), hostname: 'HOST-1' }, { deviceId: id(2), hostname: 'HOST-2' }] });
  });

  it('a hostname is confirmed whatever its case', () => {
    let s = resolved([{ input: 'a', kind: 'hostname', hosts: [host(1)] }]);
    s = apply(s, { type: 'proceed' }, { type: 'confirm', text: 'host-1' });
    expect(s.step).toBe('submitting');
  });

  function submitted(outcomes: SubmitOutcome[], wait = true): ContainmentState {
    let s = resolved([{ input: 'a', kind: 'hostname', hosts: [host(1)] }, { input: 'b', kind: 'hostname', hosts: [host(2)] }], { options: { wait } });
    s = apply(s, { type: 'proceed' }, { type: 'confirm', text: '2' });
    return apply(s, { type: 'submitProgress', run: s.run, sent: 2, total: 2 }, { type: 'submitted', run: s.run, outcomes });
  }

  it('without a watch, accepted hosts are done as sent, and the run is audited', () => {
    const s = submitted(accepted(1, 2), false);
    expect(s.step).toBe('done');
    expect(s.results.map((r) => [r.outcome, r.traceIds])).toEqual([['submitted', ['t1']], ['submitted', ['t2']]]);
    expect(succeeded(s.results)).toBe(true);
    expect(nextEffect(s)).toMatchObject({ kind: 'audit', results: s.results });
    const audited = apply(s, { type: 'audited', run: s.run, path: '/x/audit.jsonl' });
    expect(audited.audit).toEqual({ state: 'written', path: '/x/audit.jsonl' });
    expect(nextEffect(audited)).toBeUndefined();
  });

  it('watching: updates per host, finished → reached, timeout → timed out', () => {
    let s = submitted(accepted(1, 2));
    expect(s.step).toBe('watching');
    expect(nextEffect(s)).toMatchObject({ kind: 'watch', deviceIds: [id(1), id(2)], timeoutMs: 120_000 });
    const run = s.run;
    s = apply(s, { type: 'watchStarted', run, at: 1000, deadline: 121_000 }, { type: 'watchUpdate', run, at: 2000, statuses: { [id(1)]: 'containment_pending', [id(2)]: 'contained' } });
    expect(s.watch?.reachedAfterMs).toEqual({ [id(2)]: 1000 });
    s = apply(s, { type: 'watchUpdate', run, at: 3000, statuses: {}, error: 'The Falcon API failed (503)' });
    expect(s.watch).toMatchObject({ polls: 2, pollErrors: 1, lastPollError: 'The Falcon API failed (503)' });
    // A stale run's events are ignored.
    expect(apply(s, { type: 'watchFinished', run: run - 1, at: 0, timedOut: false })).toBe(s);
    const timedOut = apply(s, { type: 'watchFinished', run, at: 121_000, timedOut: true });
    expect(timedOut.results.map((r) => [r.outcome, r.status, r.message])).toEqual([
      ['timeout', 'containment_pending', 'still containment_pending after 120 s'],
      ['reached', 'contained', 'contained after 1 s'],
    ]);
    expect(succeeded(timedOut.results)).toBe(false);
  });

  it('Esc while watching looks at each host once more and reports its true state', () => {
    let s = submitted(accepted(1, 2));
    s = apply(s, { type: 'watchUpdate', run: s.run, at: 1, statuses: { [id(1)]: 'contained' } }, { type: 'back' });
    // Not done yet: the last poll may be old, so one more look first.
    expect(s.step).toBe('watching');
    expect(nextEffect(s)).toEqual({ kind: 'finalCheck', run: s.run, deviceIds: [id(2)] });
    s = apply(s, { type: 'finalChecked', run: s.run, statuses: { [id(2)]: 'containment_pending' } });
    expect(s.step).toBe('done');
    expect(s.results.map((r) => [r.outcome, r.status])).toEqual([
      ['reached', 'contained'],
      ['stopped', 'containment_pending'],
    ]);
  });

  it('per-host refusals are reported per host; the accepted ones are watched', () => {
    let s = submitted([...accepted(1), { deviceId: id(2), kind: 'rejected', message: 'Device not found', code: 404 }]);
    expect(nextEffect(s)).toMatchObject({ kind: 'watch', deviceIds: [id(1)] });
    s = apply(s, { type: 'watchFinished', run: s.run, at: 0, timedOut: false });
    expect(s.results.map((r) => [r.outcome, r.message])).toEqual([['timeout', 'still normal after 120 s'], ['rejected', 'Device not found']]);
  });

  it('a 403 for every host is a result, not a step to retry', () => {
    const s = submitted([1, 2].map((n) => ({ deviceId: id(n), kind: 'forbidden' as const, message: 'lacks the scope devices:write', code: 403 })));
    expect(s.step).toBe('done');
    expect(s.results.every((r) => r.outcome === 'forbidden')).toBe(true);
    expect(s.audit.state).toBe('pending');
  });

  it('a step that failed keeps the state: retry runs it again, back returns before it', () => {
    let s = initialContainmentState({ text: 'HOST-1', start: true });
    const failure = { step: 'resolving' as const, message: 'The Falcon API failed (503)', details: [], exitCode: 1 as const };
    s = apply(s, { type: 'failed', run: s.run, failure });
    expect(s).toMatchObject({ step: 'error', failure, targets: ['HOST-1'] });
    const before = effectKey(nextEffect(initialContainmentState({ text: 'HOST-1', start: true })));
    const retried = apply(s, { type: 'retry' });
    expect(retried.step).toBe('resolving');
    // A new key: a UI effect keyed on it runs the step again.
    expect(effectKey(nextEffect(retried))).not.toBe(before);
    expect(apply(s, { type: 'back' })).toMatchObject({ step: 'input', text: 'HOST-1', failure: undefined });
  });

  it('a submission that failed for every host (network, 5xx) is an error to retry; back returns to the confirmation', () => {
    const failed = [1, 2].map((n) => ({ deviceId: id(n), kind: 'failed' as const, message: 'The Falcon API failed (503)' }));
    let s = submitted(failed);
    expect(s).toMatchObject({ step: 'error', failure: { step: 'submitting', message: 'The Falcon API failed (503)', exitCode: 4 } });
    // What was sent is still a result per host, and the audit step still runs.
    expect(s.results.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(nextEffect(s)).toMatchObject({ kind: 'audit', results: s.results });
    expect(apply(s, { type: 'back' }).step).toBe('confirm');
    s = apply(s, { type: 'retry' });
    expect(s.step).toBe('submitting');
    s = apply(s, { type: 'submitted', run: s.run, outcomes: accepted(1, 2) });
    expect(s.step).toBe('watching');
  });

  it('back from resolving cancels it: its late answer is ignored', () => {
    const s = initialContainmentState({ text: 'HOST-1', start: true });
    const back = apply(s, { type: 'back' });
    expect(back.step).toBe('input');
    expect(apply(back, { type: 'resolved', run: s.run, resolutions: [] })).toBe(back);
  });

  it('nothing to send: hosts already pending are watched without a confirmation', () => {
    let s = resolved([{ input: 'a', kind: 'hostname', hosts: [host(1, { status: 'containment_pending' })] }, { input: 'b', kind: 'hostname', hosts: [host(2, { status: 'contained' })] }]);
    expect(confirmPrompt(s)).toBeUndefined();
    s = apply(s, { type: 'proceed' });
    expect(s.step).toBe('watching');
    expect(nextEffect(s)).toMatchObject({ kind: 'watch', deviceIds: [id(1)] });
    s = apply(s, { type: 'watchUpdate', run: s.run, at: 5, statuses: { [id(1)]: 'contained' } }, { type: 'watchFinished', run: s.run, at: 5, timedOut: false });
    expect(s.results.map((r) => r.outcome)).toEqual(['reached', 'already']);
    expect(succeeded(s.results)).toBe(true);
    // Nothing was sent, so there is nothing to record.
    expect(s.audit.state).toBe('none');
  });

  it('a hand-off preselects hosts; restart keeps the text', () => {
    const s = resolved([{ input: id(1), kind: 'deviceId', hosts: [host(1)] }, { input: id(2), kind: 'deviceId', hosts: [host(2)] }], { preselect: [id(2)] });
    expect(s.review?.rows.map((r) => r.selected)).toEqual([false, true]);
    const again = apply(s, { type: 'restart' });
    expect(again).toMatchObject({ step: 'input', text: s.text, run: 0 });
  });
});
