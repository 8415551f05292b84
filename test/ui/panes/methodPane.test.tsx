import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { initialComposerState, type ComposerState } from '../../../src/core/composer/composerState.js';
import { MethodPane } from '../../../src/ui/panes/MethodPane.js';
import { ComposerHost } from '../../helpers/composerHost.js';
import { KEY, frameWith, renderInk, settle } from '../../helpers/ink.js';

afterEach(() => cleanup());

describe('MethodPane', () => {
  it('cycles the method with → and Space, and back with ←', async () => {
    let latest: ComposerState = initialComposerState();
    const { lastFrame, stdin } = await renderInk(
      <ComposerHost initial={latest} onState={(s) => (latest = s)} pane={(p) => <MethodPane {...p} focused width={60} />} />,
    );
    const first = await frameWith(lastFrame, '[GET]');
    expect(first).toMatch(/GET.*POST.*PUT.*PATCH.*DELETE/);
    await settle();
    stdin.write(KEY.right);
    await frameWith(lastFrame, '[POST]');
    expect(latest.method).toBe('POST');
    stdin.write(' ');
    await frameWith(lastFrame, '[PUT]');
    stdin.write(KEY.left);
    stdin.write(KEY.left);
    await frameWith(lastFrame, '[GET]');
    stdin.write(KEY.left);
    await frameWith(lastFrame, '[DELETE]');
  });

  it('ignores keys while another pane has focus', async () => {
    const { lastFrame, stdin } = await renderInk(
      <ComposerHost initial={initialComposerState('PATCH')} onState={() => {}} pane={(p) => <MethodPane {...p} focused={false} width={60} />} />,
    );
    await frameWith(lastFrame, '[PATCH]');
    await settle();
    stdin.write(KEY.right);
    await settle();
    expect(lastFrame()).toContain('[PATCH]');
  });
});
