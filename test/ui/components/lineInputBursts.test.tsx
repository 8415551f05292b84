// One-line fields under bursts: keys written with no pause between them, one
// per write or many per write, Backspace and Delete bursts, and a paste
// followed at once by Enter. The field must hold exactly what was typed.
import React, { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { LineInput } from '../../../src/ui/components/LineInput.js';
import { KEY, paste, renderInk, settle, waitUntil } from '../../helpers/ink.js';

afterEach(() => cleanup());

const PATH = '/aspm-api-gateway/api/v1/group/';

async function field(initial = '') {
  const seen = { value: initial, submitted: [] as string[] };
  function Host(): React.JSX.Element {
    const [value, setValue] = useState(initial);
    seen.value = value;
    return <LineInput value={value} focus onChange={setValue} onSubmit={(v) => seen.submitted.push(v)} />;
  }
  const app = await renderInk(<Host />);
  const valueIs = (want: string) => waitUntil(() => seen.value === want, () => JSON.stringify(seen.value));
  return { app, seen, valueIs };
}

describe('LineInput bursts', () => {
  it('keeps every key of a path written one key per write, with no pause', async () => {
    const { app, valueIs } = await field();
    for (const ch of PATH) app.stdin.write(ch);
    await valueIs(PATH);
  });

  it('keeps every key of a path written in one read', async () => {
    const { app, valueIs } = await field();
    app.stdin.write(PATH);
    await valueIs(PATH);
  });

  it('applies each Backspace of a burst, one per write and many per write', async () => {
    const { app, valueIs, seen } = await field('x'.repeat(400));
    for (let i = 0; i < 40; i++) app.stdin.write(KEY.backspace);
    await valueIs('x'.repeat(360));
    app.stdin.write(KEY.backspace.repeat(340));
    await valueIs('x'.repeat(20));
    expect(seen.value).toHaveLength(20);
  });

  it('deletes forward with Delete, each key of a burst', async () => {
    const { app, valueIs } = await field('abcdef');
    app.stdin.write(KEY.home);
    app.stdin.write(KEY.right);
    for (let i = 0; i < 3; i++) app.stdin.write(KEY.delete);
    await valueIs('aef');
  });

  it('keeps a paste and the Enter right after it, in one write', async () => {
    const { app, seen, valueIs } = await field();
    app.stdin.write(paste('/devices/queries/devices/v1') + KEY.enter);
    await waitUntil(() => seen.submitted.length === 1, () => JSON.stringify(seen));
    expect(seen.submitted).toEqual(['/devices/queries/devices/v1']);
    await valueIs('/devices/queries/devices/v1');
  });

  it('keeps a bracketed paste exactly, even across reads', async () => {
    const { app, valueIs } = await field();
    const text = 'abc def [x] {{AID}} ?q=1&r=2';
    app.stdin.write('\u001B[200~' + text.slice(0, 9));
    app.stdin.write(text.slice(9) + '\u001B[201~');
    await valueIs(text);
  });

  it('types after a value set from outside at its end', async () => {
    const { app, valueIs } = await field('/x');
    await settle();
    app.stdin.write('/y');
    await valueIs('/x/y');
  });
});
