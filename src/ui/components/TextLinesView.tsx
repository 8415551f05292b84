// Lines of text in a window of the pane (the headers, a whole value): each
// line already terminal-safe, wrapped to the width, scrolled from `top`.
import { Box, Text } from 'ink';
import { color, type Role } from '../theme.js';

/** Each line cut into pieces of `width` characters, spaces kept (a command line is shown as it is). */
export function wrappedLines(lines: readonly string[], width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const l of lines) {
    if (l.length <= w) out.push(l);
    else for (let i = 0; i < l.length; i += w) out.push(l.slice(i, i + w));
  }
  return out;
}

export function TextLinesView({ lines, top, height, width, title, role }: { lines: readonly string[]; top: number; height: number; width: number; title: string; role?: Role }) {
  const shown = lines.slice(top, top + Math.max(0, height - 1));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={color('accent')}>
        {title}
      </Text>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate" color={role ? color(role) : undefined}>
          {l === '' ? ' ' : l}
        </Text>
      ))}
    </Box>
  );
}
