// The border every composer pane draws: bold and in the accent colour when
// focused, so focus shows even without colours.
import React from 'react';
import { Box } from 'ink';
import { color } from '../theme.js';

export interface PaneFrameProps {
  focused: boolean;
  width: number;
  height?: number;
  direction?: 'row' | 'column';
  children: React.ReactNode;
}

export function PaneFrame({ focused, width, height, direction = 'column', children }: PaneFrameProps): React.JSX.Element {
  return (
    <Box flexDirection={direction} borderStyle={focused ? 'bold' : 'round'} borderColor={focused ? color('accent') : color('muted')} width={width} height={height}>
      {children}
    </Box>
  );
}
