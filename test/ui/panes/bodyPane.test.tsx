import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { initialComposerState, type ComposerState } from '../../../src/core/composer/composerState.js';
import { BodyPane } from '../../../src/ui/panes/BodyPane.js';
import { TextArea } from '../../../src/ui/components/TextArea.js';
import { ComposerHost } from '../../helpers/composerHost.js';
import { KEY, frameWith, renderInk, settle, waitUntil } from '../../helpers/ink.js';

afterEach(() => cleanup());

async function renderBody(bodyText: string) {
  let latest: ComposerState = { ...initialComposerState('POST', '/x/v1'), bodyText };
  const ui = await renderInk(
    <ComposerHost
      initial={latest}
      onState={(s) => (latest = s)}
      pane={(p) => <BodyPane {...p} focused width={50} height={9} />}
    />,
  );
  return { ...ui, state: () => latest };
}

describe('BodyPane', () => {
  it('validates as you type and shows JSON ok once fixed', async () => {
    const { lastFrame, stdin, state } = await renderBody('{"a": 1}');
    await frameWith(lastFrame, 'JSON ok');
    await settle();

    // End, Left, then text: one burst, each key seeing the previous one's result.
    stdin.write(`${KEY.end}${KEY.left}, "b"`);
    const broken = await frameWith(lastFrame, "line 1, column 13: ':' expected");
    expect(broken).toContain('{"a": 1, "b"}');
    expect(broken).not.toContain('JSON ok');

    stdin.write(': ');
    await frameWith(lastFrame, 'line 1, column 15: a value expected');
    stdin.write('2');
    await frameWith(lastFrame, 'JSON ok');
    expect(state().bodyText).toBe('{"a": 1, "b": 2}');
  });

  it('marks the error line and follows the cursor onto new lines', async () => {
    const { lastFrame, stdin, state } = await renderBody('{');
    await frameWith(lastFrame, "line 1, column 2: '}' expected");
    await settle();
    stdin.write(KEY.end);
    stdin.write(KEY.enter);
    await waitUntil(() => state().bodyText === '{\n', () => JSON.stringify(state().bodyText));
    stdin.write('  "x": tru');
    const frame = await frameWith(lastFrame, '"x": tru');
    expect(frame).toMatch(/!2 {3}"x": tru/);
    expect(frame).toMatch(/line 2, column \d+: /);
    stdin.write('e\r}');
    await frameWith(lastFrame, 'JSON ok');
    expect(state().bodyText).toBe('{\n  "x": true\n}');
  });

  it('says a GET sends no body when the body is empty', async () => {
    const { lastFrame } = await renderInk(
      <ComposerHost initial={initialComposerState('GET', '/x/v1')} onState={() => {}} pane={(p) => <BodyPane {...p} focused={false} width={40} height={6} />} />,
    );
    await frameWith(lastFrame, 'GET sends no body');
  });
});

describe('TextArea', () => {
  it('leaves Tab, Shift+Tab, Ctrl+S and Esc to the app', async () => {
    const onChange = vi.fn();
    const { lastFrame, stdin } = await renderInk(<TextArea value="abc" onChange={onChange} focused height={3} width={20} />);
    await frameWith(lastFrame, 'abc');
    await settle();
    stdin.write(KEY.tab);
    stdin.write(KEY.shiftTab);
    stdin.write(KEY.ctrlS);
    stdin.write(KEY.escape);
    await settle(); // Ink holds a lone Esc until the next tick
    stdin.write('x');
    await waitUntil(() => onChange.mock.calls.length > 0, () => lastFrame() ?? '');
    expect(onChange.mock.calls).toEqual([['xabc']]);
  });

  it('shows only the rows that fit, following the cursor', async () => {
    const text = Array.from({ length: 10 }, (_, i) => `row${i}`).join('\n');
    const { lastFrame, stdin } = await renderInk(<TextArea value={text} onChange={() => {}} focused height={3} width={20} />);
    const first = await frameWith(lastFrame, 'row0');
    expect(first).not.toContain('row3');
    await settle();
    stdin.write(KEY.down.repeat(5));
    const moved = await frameWith(lastFrame, 'row5');
    expect(moved).not.toContain('row0');
  });

  it('keeps a JSON body typed with no pause, one key per write and in one read, and Backspace bursts', async () => {
    const body = '{\n"ids": ["a1", "b2"],\n"note": "x"\n}';
    const typed = await renderBody('');
    await settle();
    for (const ch of body.replace(/\n/g, '\r')) typed.stdin.write(ch);
    await waitUntil(() => typed.state().bodyText === body, () => JSON.stringify(typed.state().bodyText));
    typed.stdin.write(KEY.backspace.repeat(6));
    await waitUntil(() => typed.state().bodyText === body.slice(0, -6), () => JSON.stringify(typed.state().bodyText));

    const burst = await renderBody('');
    await settle();
    burst.stdin.write(body.replace(/\n/g, '\r'));
    await waitUntil(() => burst.state().bodyText === body, () => JSON.stringify(burst.state().bodyText));
    await frameWith(burst.lastFrame, 'JSON ok');
  });

  it('deletes forward with Delete', async () => {
    const { stdin, state } = await renderBody('abcd');
    await settle();
    stdin.write(KEY.home + KEY.delete + KEY.delete);
    await waitUntil(() => state().bodyText === 'cd', () => JSON.stringify(state().bodyText));
  });
});
