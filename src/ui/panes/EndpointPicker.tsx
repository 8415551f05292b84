// The endpoint line: type part of a path or an intent word ("contain",
// "hash devices"), see matching operations with the matched characters
// highlighted, move with the arrows and pick one with Enter.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { LineInput, type LineField } from '../components/LineInput.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { color } from '../theme.js';
import { matches } from '../keys/keymap.js';
import type { EndpointHit } from '../../core/shell/endpointSource.js';
import { hasControl, terminalSafe } from '../../core/text/terminalSafe.js';

export type { EndpointHit };


export interface EndpointPickerProps {
  value: string;
  method: string;
  onChange(value: string): void;
  /** an operation was picked from the list */
  onPick(hit: EndpointHit): void;
  /** Enter on typed text with no list (a path typed by hand) */
  onSubmitPath(path: string): void;
  /** the catalog's best matches for `value` (the app searches once and lays out by them) */
  hits: readonly EndpointHit[];
  /** whether the completion list shows (not dismissed with Esc, and something matches) */
  open: boolean;
  /** with a path typed, the segments that can come next */
  segments?: readonly { segment: string; count: number; value: string; hasChildren: boolean }[];
  onDismiss(): void;
  focused: boolean;
  width: number;
  /** rows available for the completion list */
  listHeight: number;
  /** false while the catalog is loading */
  ready: boolean;
}

function Highlighted({ text, positions }: { text: string; positions: readonly number[] }): React.JSX.Element {
  const set = new Set(positions);
  const parts: React.JSX.Element[] = [];
  let run = '';
  let runMatched = false;
  const flush = (i: number): void => {
    if (!run) return;
    parts.push(
      <Text key={i} color={runMatched ? color('match') : undefined} bold={runMatched}>
        {run}
      </Text>,
    );
    run = '';
  };
  for (let i = 0; i < text.length; i++) {
    const m = set.has(i);
    if (m !== runMatched) flush(i);
    runMatched = m;
    run += text[i];
  }
  flush(text.length);
  return <>{parts}</>;
}

export function EndpointPicker(props: EndpointPickerProps): React.JSX.Element {
  const { value, focused, width, listHeight, ready } = props;
  const [selected, setSelected] = useState(0);
  const hits = props.hits.slice(0, Math.max(1, listHeight));
  const open = focused && props.open;
  const index = Math.min(selected, Math.max(0, hits.length - 1));

  useKeypress(
    (key) => {
      if (matches('endpoint.down', key)) setSelected((i) => Math.min(i + 1, hits.length - 1));
      else if (matches('endpoint.up', key)) setSelected((i) => Math.max(i - 1, 0));
      else if (matches('endpoint.dismiss', key)) props.onDismiss();
      else return false;
      return true;
    },
    { isActive: open },
  );

  // Tab, or → at the end of the line, takes the first `next:` segment (a `{param}` is for the user to type).
  const acceptSegment = (key: KeyEvent, field: LineField): boolean => {
    const next = props.segments?.[0];
    if (!open || !next || !matches('endpoint.acceptSegment', key) || next.segment.startsWith('{')) return false;
    const { text, cursor } = field.current();
    if (key.name === 'right' && cursor < text.length) return false;
    field.set(next.hasChildren ? `${next.value}/` : next.value);
    return true;
  };

  const submit = (text: string): void => {
    const hit = open ? hits[index] : undefined;
    if (hit) {
      props.onPick(hit);
    } else if (text.trim().startsWith('/')) {
      props.onSubmitPath(text.trim());
    }
  };

  return (
    <Box flexDirection="column" width={width}>
      <Box>
        <Text color={color('method')} bold>
          {props.method.padEnd(6)}
        </Text>
        <Text color={focused ? color('accent') : color('muted')}>{'› '}</Text>
        <LineInput
          value={value}
          focus={focused}
          placeholder={ready ? 'type a path or what you want to do: contain, hash devices, alerts…' : 'loading the endpoint catalog…'}
          onChange={(v) => {
            setSelected(0);
            props.onChange(v);
          }}
          onSubmit={submit}
          beforeEdit={acceptSegment}
        />
      </Box>
      {open && props.segments && props.segments.length > 0 && (
        <Text wrap="truncate" color={color('muted')}>
          {'  next: '}
          {props.segments.map((s) => `${s.segment} (${s.count})`).join('  ')}
          {props.segments[0]?.segment.startsWith('{') ? '' : '  · Tab or → takes the first'}
        </Text>
      )}
      {open &&
        hits.slice(0, props.segments?.length ? Math.max(1, listHeight - 1) : listHeight).map((hit, i) => {
          const active = i === index;
          // One truncated line per hit, the path padded to a column, so rows never wrap.
          const pathWidth = Math.min(Math.max(24, Math.floor(width * 0.45)), 60);
          const path = hit.path.length > pathWidth ? hit.path.slice(0, pathWidth - 1) + '…' : hit.path.padEnd(pathWidth);
          const extra = `${hit.summary}${hit.scopes.length ? ` [${hit.scopes.join(', ')}]` : ''}${hit.deprecated ? ' (deprecated)' : ''}`;
          return (
            <Text key={`${hit.method} ${hit.path}`} wrap="truncate">
              <Text color={active ? color('accent') : color('muted')}>{active ? '▸ ' : '  '}</Text>
              <Text color={color('method')}>{hit.method.padEnd(7)}</Text>
              <Text inverse={active && !color('accent')}>
                {/* An imported catalog's path with control characters is shown escaped, unhighlighted. */}
                {hasControl(path) ? terminalSafe(path) : <Highlighted text={path} positions={hit.positions} />}
              </Text>
              <Text color={color('muted')}> {extra}</Text>
            </Text>
          );
        })}
    </Box>
  );
}
