// Keeps a rendering bug in one pane from taking the shell down: the pane
// shows the error, and the rest goes on.
import React from 'react';
import { Box, Text } from 'ink';
import { color } from '../theme.js';

interface Props {
  name: string;
  children: React.ReactNode;
}

export class ErrorBoundary extends React.Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={color('error')} paddingX={1}>
        <Text color={color('error')}>
          The {this.props.name} pane failed: {this.state.error.message}
        </Text>
        <Text color={color('muted')}>The rest of the shell still works; Ctrl+L starts a new request.</Text>
      </Box>
    );
  }
}
