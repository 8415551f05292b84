// The response pane's body in the view chosen: the JSON window (scrolled,
// folded, searched, sideways), the status and headers, the whole value at
// the cursor, the table or its column chooser.
import type { ApiResponse } from '../../core/http/types.js';
import type { JsonDocument } from '../../core/jsonView/jsonDocument.js';
import { headerLines } from '../../core/jsonView/headerLines.js';
import { currentMatchLine, cursorRow } from '../../core/jsonView/viewerState.js';
import { JsonView } from '../components/JsonView.js';
import { ColumnChooser, TableView } from '../components/TableView.js';
import { TextLinesView, wrappedLines } from '../components/TextLinesView.js';
import type { JsonViewport } from '../hooks/useJsonViewport.js';
import type { useResponseExtras } from './useResponseExtras.js';

export interface ResponseBodyProps {
  response?: ApiResponse;
  /** the document the JSON view shows (the jq result or the response) */
  doc: JsonDocument;
  view: JsonViewport;
  extras: ReturnType<typeof useResponseExtras>;
  height: number;
  width: number;
  focused: boolean;
}

export function ResponseBody({ response, doc, view, extras, height, width, focused }: ResponseBodyProps) {
  const { mode } = extras;
  if (mode === 'headers' && response) return <TextLinesView title="Status and headers (H or Esc: back)" lines={wrappedLines(headerLines(response), width)} top={extras.textTop} height={height} width={width} />;
  if (mode === 'value' && extras.valueLines) return <TextLinesView title={extras.valueLines.title} lines={wrappedLines(extras.valueLines.lines, width)} top={extras.textTop} height={height} width={width} />;
  if (mode === 'columns') return <ColumnChooser keys={extras.table.keys} shown={extras.table.columns} cursor={extras.table.chooser} height={height} width={width} />;
  if (mode === 'table') return <TableView state={extras.table} height={height} width={width} focused={focused} />;
  const { state, top } = view;
  return (
    <JsonView
      document={doc}
      folds={state.folds}
      top={top}
      height={height}
      width={width}
      query={state.search?.query}
      currentMatch={currentMatchLine(state)}
      cursor={focused && response ? cursorRow(state) : undefined}
      left={extras.left}
    />
  );
}
