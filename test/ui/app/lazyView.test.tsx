// Views loaded on first use: keys typed while a view's code loads reach it,
// in order, once it is there; a view that cannot load says so and Esc closes it.
import React, { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { Text } from 'ink';
import { lazyView } from '../../../src/ui/app/lazyView.js';
import { useKeypress } from '../../../src/ui/keys/KeypressProvider.js';
import { KEY, renderInk, waitForText, waitUntil } from '../../helpers/ink.js';

afterEach(() => cleanup());

const submitted: string[] = [];

/** Reads its state as the last render left it (as a list's Enter reads its filtered rows). */
function Typed({ onClose }: { onClose(): void }): React.JSX.Element {
  const [text, setText] = useState('');
  useKeypress((key) => {
    if (key.name === 'escape') onClose();
    else if (key.name === 'return') submitted.push(text);
    else setText(text + key.text);
    return true;
  });
  return <Text>typed:{text}</Text>;
}

/** A loader the test releases by hand, so keys can arrive while it is pending. */
function gated<T>(value: () => T) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { load: async () => (await gate, value()), release };
}

describe('lazyView', () => {
  it('hands the keys typed while loading to the view, in order, each after the last one drew, and opens at once the next time', async () => {
    const g = gated(() => Typed);
    const View = lazyView('test view', g.load);
    const closed: string[] = [];
    const app = await renderInk(<View onClose={() => closed.push('x')} />);
    await waitForText(app, 'loading the test view…');
    app.stdin.write('a');
    app.stdin.write('b');
    app.stdin.write('c');
    app.stdin.write(KEY.enter);
    g.release();
    await waitForText(app, 'typed:abc');
    await waitUntil(() => submitted.length === 1, () => JSON.stringify(submitted));
    expect(submitted).toEqual(['abc']);
    submitted.length = 0;
    cleanup();
    const again = await renderInk(<View onClose={() => closed.push('x')} />);
    expect(again.lastFrame()).toContain('typed:');
    expect(again.lastFrame()).not.toContain('loading');
    expect(closed).toEqual([]);
  });

  it('says when a view cannot load, and Esc closes it', async () => {
    const View = lazyView<{ onClose(): void }>('broken view', async () => {
      throw new Error('chunk missing');
    });
    let closed = 0;
    const app = await renderInk(<View onClose={() => closed++} />);
    await waitForText(app, 'The broken view could not be loaded: chunk missing');
    app.stdin.write(KEY.escape);
    await waitUntil(() => closed === 1, () => `closed ${closed}`);
  });
});
