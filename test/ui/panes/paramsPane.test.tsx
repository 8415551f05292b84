import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { composerReducer, initialComposerState, type ComposerState } from '../../../src/core/composer/composerState.js';
import type { OperationShape } from '../../../src/core/composer/operationShape.js';
import { ParamsPane } from '../../../src/ui/panes/ParamsPane.js';
import { indicatorDevices, queryDevices, updatePolicy } from '../../core/composer/fixtures.js';
import { ComposerHost } from '../../helpers/composerHost.js';
import { KEY, frameWith, paste, renderInk, settle, waitUntil } from '../../helpers/ink.js';

afterEach(() => cleanup());

async function renderParams(op: OperationShape, height?: number) {
  let latest: ComposerState = composerReducer(initialComposerState(), { type: 'pickOperation', operation: op });
  const ui = await renderInk(
    <ComposerHost initial={latest} onState={(s) => (latest = s)} pane={(p) => <ParamsPane {...p} focused width={70} height={height} />} />,
  );
  const stateIs = (check: (s: ComposerState) => boolean) => waitUntil(() => check(latest), () => JSON.stringify(latest, null, 1));
  return { ...ui, state: () => latest, stateIs };
}

describe('ParamsPane', () => {
  it('marks required parameters and describes the focused one', async () => {
    const { lastFrame } = await renderParams(queryDevices);
    const frame = await frameWith(lastFrame, 'filter');
    expect(frame).toMatch(/›\*\s+filter\s+=/);
    expect(frame).toContain('filter (string, required): FQL filter');
  });

  it('completes a name from a prefix, then an enum value, and takes a typed value', async () => {
    const { lastFrame, stdin, state, stateIs } = await renderParams(queryDevices);
    await frameWith(lastFrame, 'filter');
    await settle();

    stdin.write(KEY.ctrlN);
    await frameWith(lastFrame, '2 query');
    stdin.write('so');
    // The first suggestion is highlighted at once: Enter takes it.
    let frame = await frameWith(lastFrame, 'Enter takes the highlighted one');
    expect(frame).toContain('▸sort');
    stdin.write(KEY.enter);
    // On to the value: the hint now lists the enum.
    frame = await frameWith(lastFrame, 'one of hostname.asc | hostname.desc | last_seen.desc');
    await stateIs((s) => s.queryRows[1]?.key === 'sort');

    stdin.write('hostname');
    frame = await frameWith(lastFrame, '▸hostname.asc');
    expect(frame).toMatch(/^┃ +hostname\.desc +┃$/m);
    stdin.write(KEY.down);
    await frameWith(lastFrame, '▸hostname.desc');
    stdin.write(KEY.up);
    await frameWith(lastFrame, '▸hostname.asc');
    stdin.write(KEY.down);
    await frameWith(lastFrame, '▸hostname.desc');
    stdin.write(KEY.down);
    stdin.write(KEY.enter);
    await stateIs((s) => s.queryRows[1]?.value === 'hostname.desc');
    // A value with fixed choices is chosen with ←/→.
    stdin.write(KEY.right);
    await stateIs((s) => s.queryRows[1]?.value === 'last_seen.desc');
    stdin.write(KEY.right);
    await stateIs((s) => s.queryRows[1]?.value === 'hostname.asc');
    stdin.write(KEY.left);
    await stateIs((s) => s.queryRows[1]?.value === 'last_seen.desc');

    // Up to the required filter row (the cursor enters its value) and type it.
    stdin.write(KEY.up);
    await frameWith(lastFrame, 'filter (string, required)');
    stdin.write("hostname:'web*'");
    await stateIs((s) => s.queryRows[0]?.value === "hostname:'web*'");
    expect(state().queryRows).toEqual([
      { key: 'filter', value: "hostname:'web*'" },
      { key: 'sort', value: 'last_seen.desc' },
    ]);
  });

  it('fills path parameters and completes enum values of required query rows', async () => {
    const { lastFrame, stdin, stateIs } = await renderParams(updatePolicy);
    const frame = await frameWith(lastFrame, '{member_id}');
    expect(frame).toMatch(/\*\s+\{policy_id\}/);
    expect(frame).toMatch(/\*\s+action_name/);
    await settle();

    stdin.write('p1');
    await stateIs((s) => s.pathParams.policy_id === 'p1');
    stdin.write(KEY.enter); // Enter in a value moves to the next row
    stdin.write('m/2');
    await stateIs((s) => s.pathParams.member_id === 'm/2');
    stdin.write(KEY.down);
    stdin.write('dis');
    await frameWith(lastFrame, '▸disable');
    stdin.write(KEY.enter);
    await stateIs((s) => s.queryRows[0]?.value === 'disable');
  });

  it('starts on the first free-text required row, and a pasted indicator fills type and value', async () => {
    const { lastFrame, stdin, stateIs } = await renderParams(indicatorDevices);
    // `type` is chosen from a list, so typing starts on `value`.
    await frameWith(lastFrame, 'value (string, required)');
    await settle();
    stdin.write(paste(` ${'AB'.repeat(32)} `));
    await stateIs((s) => s.queryRows.find((r) => r.key === 'type')?.value === 'sha256' && s.queryRows.find((r) => r.key === 'value')?.value === 'ab'.repeat(32));
    stdin.write(paste('10.1.2.3'));
    await stateIs((s) => s.queryRows.find((r) => r.key === 'type')?.value === 'ipv4' && s.queryRows.find((r) => r.key === 'value')?.value === '10.1.2.3');
  });

  it('removes a row with Ctrl+D and does not type the letters of Ctrl chords', async () => {
    const { lastFrame, stdin, state, stateIs } = await renderParams(queryDevices);
    await frameWith(lastFrame, 'filter');
    await settle();
    stdin.write(KEY.ctrlN);
    stdin.write('limit=');
    await stateIs((s) => s.queryRows[1]?.key === 'limit');
    stdin.write(KEY.ctrlS);
    stdin.write('5');
    await stateIs((s) => s.queryRows[1]?.value === '5');
    expect(state().queryRows[1]).toEqual({ key: 'limit', value: '5' });

    stdin.write(KEY.ctrlD);
    await frameWith(lastFrame, '1 query');
    expect(state().queryRows).toEqual([{ key: 'filter', value: '' }]);
  });

  it('keeps a row typed with no pause, one key per write, and a Backspace burst', async () => {
    const { lastFrame, stdin, state, stateIs } = await renderParams(queryDevices);
    await frameWith(lastFrame, 'filter');
    await settle();
    stdin.write(KEY.ctrlN);
    for (const ch of 'limit=12345') stdin.write(ch);
    await stateIs((s) => s.queryRows[1]?.value === '12345');
    stdin.write(KEY.backspace.repeat(3));
    await stateIs((s) => s.queryRows[1]?.value === '12');
    expect(state().queryRows[1]).toEqual({ key: 'limit', value: '12' });
  });

  it('scrolls the rows that do not fit in its height', async () => {
    const { lastFrame, stdin } = await renderParams(queryDevices, 7);
    await frameWith(lastFrame, 'filter');
    await settle();
    // Ink splits input on escapes only, so each Ctrl chord goes in its own write.
    for (const row of ['offset=1', 'ids=a', 'ids=b']) {
      stdin.write(KEY.ctrlN);
      stdin.write(row);
    }
    const frame = await frameWith(lastFrame, '4 query');
    expect(frame).toContain('ids');
    expect(frame).not.toMatch(/\*\s+filter/);
  });
});
