// Saved requests: search by name or description, Enter loads one into the
// composer after asking for each {{variable}} that neither the environment
// nor a default supplies.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import type { Collection } from '../../core/saved/collection.js';
import type { SavedRequest } from '../../core/saved/savedRequest.js';
import { applyVariables, type ResolvedVariables } from '../../core/saved/variables.js';
import { savedRow, variablePrompt } from '../../core/saved/savedView.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import type { ApiRequest } from '../../core/http/types.js';
import { LineInput } from '../components/LineInput.js';
import { FilterLine } from '../components/FilterLine.js';
import { useFilteredList } from '../hooks/useFilteredList.js';
import { color } from '../theme.js';

export interface SavedPaneProps {
  collection: Collection;
  /** the values the environment and defaults give a saved request's variables */
  resolve(saved: SavedRequest): ResolvedVariables;
  width: number;
  height: number;
  onLoad(req: ApiRequest, saved: SavedRequest): void;
  onClose(): void;
}

interface Asking {
  saved: SavedRequest;
  values: Record<string, string>;
  missing: string[];
  value: string;
}

export function SavedPane({ collection, resolve, width, height, onLoad, onClose }: SavedPaneProps): React.JSX.Element {
  const [asking, setAsking] = useState<Asking>();
  const list = useFilteredList(collection.requests, (r, q) => `${r.name} ${r.description} ${r.path}`.toLowerCase().includes(q));
  const { shown, at } = list;
  const rows = Math.max(1, height - 5 - collection.problems.length);

  const finish = (saved: SavedRequest, values: Record<string, string>): void => onLoad(applyVariables(saved, values), saved);

  const choose = (saved: SavedRequest): void => {
    const r = resolve(saved);
    if (r.missing.length === 0) finish(saved, r.values);
    else setAsking({ saved, values: r.values, missing: r.missing, value: saved.variables[r.missing[0] as string]?.default ?? '' });
  };

  useKeypress((key) => {
    if (matches('dialog.close', key)) {
      if (asking) setAsking(undefined);
      else onClose();
      return true;
    }
    return !asking && list.move(key, rows);
  });

  if (asking) {
    const name = asking.missing[0] as string;
    const prompt = variablePrompt(asking.saved, name);
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} paddingX={1}>
        <Text bold>{prompt.title}</Text>
        {prompt.description && <Text color={color('muted')}>{prompt.description}</Text>}
        <Box>
          <Text>{terminalSafe(name)} = </Text>
          <LineInput
            value={asking.value}
            focus
            onChange={(value) => setAsking({ ...asking, value })}
            onSubmit={(value) => {
              const values = { ...asking.values, [name]: value };
              const missing = asking.missing.slice(1);
              if (missing.length === 0) {
                setAsking(undefined);
                finish(asking.saved, values);
              } else setAsking({ ...asking, values, missing, value: asking.saved.variables[missing[0] as string]?.default ?? '' });
            }}
          />
        </Box>
        <Text color={color('muted')}>Enter accepts · Esc goes back</Text>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <FilterLine title="Saved" value={list.filter} placeholder="type to search · Enter loads · Esc closes" onChange={list.setFilter} onSubmit={() => list.selected && choose(list.selected)} />
      {shown.length === 0 && <Text color={color('muted')}>{collection.requests.length ? 'No saved request matches.' : `No saved requests in ${collection.dir} yet: Ctrl+B saves the current one.`}</Text>}
      {shown.slice(Math.max(0, at - rows + 1), Math.max(0, at - rows + 1) + rows).map((r) => {
        const active = r === shown[at];
        const row = savedRow(r);
        return (
          <Text key={r.name} wrap="truncate" color={active ? color('accent') : undefined}>
            {active ? '▸ ' : '  '}
            <Text bold>{row.name.padEnd(28)}</Text>
            <Text color={color('method')}>{row.method.padEnd(7)}</Text>
            <Text color={color('muted')}>{row.detail}</Text>
          </Text>
        );
      })}
      {collection.problems.map((p) => (
        <Text key={p.file} color={color('warn')} wrap="truncate">
          skipped: {terminalSafe(p.message)}
        </Text>
      ))}
    </Box>
  );
}
