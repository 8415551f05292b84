// A ticket body as a small document (headings, paragraphs, lists, tables,
// links), rendered as Markdown (JSON and webhooks) or as Jira wiki markup
// (Jira's CSV importer reads descriptions as wiki markup). Tenant text is
// escaped for each syntax, so a hostname or description cannot add a link,
// a heading or a table cell of its own.

export type Inline = string | { bold: string } | { code: string } | { link: string; text: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; parts: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export type TicketDocument = Block[];

const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ');
const safeUrl = (u: string): string => (/^https?:\/\/[^\s<>"'`]+$/i.test(u) ? u : '');

function mdText(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function mdInline(p: Inline): string {
  if (typeof p === 'string') return mdText(p);
  if ('bold' in p) return `**${mdText(p.bold)}**`;
  if ('code' in p) return `\`${oneLine(p.code).replace(/`/g, "'")}\``;
  const url = safeUrl(p.link);
  return url ? `[${mdText(p.text)}](${url})` : mdText(p.text);
}

export function toMarkdown(doc: TicketDocument): string {
  const out: string[] = [];
  for (const b of doc) {
    if (b.kind === 'heading') out.push(`### ${mdText(b.text)}`);
    else if (b.kind === 'para') out.push(b.parts.map(mdInline).join(''));
    else if (b.kind === 'list') out.push(b.items.map((item) => `- ${item.map(mdInline).join('')}`).join('\n'));
    else {
      const row = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`;
      out.push([row(b.header), `|${b.header.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n'));
    }
  }
  return out.join('\n\n') + '\n';
}

function jiraText(s: string): string {
  return oneLine(s).replace(/[\\[\]{}|*_!]/g, (c) => `\\${c}`);
}

function jiraInline(p: Inline): string {
  if (typeof p === 'string') return jiraText(p);
  if ('bold' in p) return `*${jiraText(p.bold)}*`;
  if ('code' in p) return `{{${oneLine(p.code).replace(/[{}]/g, '')}}}`;
  const url = safeUrl(p.link);
  return url ? `[${jiraText(p.text)}|${url}]` : jiraText(p.text);
}

export function toJiraWiki(doc: TicketDocument): string {
  const out: string[] = [];
  for (const b of doc) {
    if (b.kind === 'heading') out.push(`h3. ${jiraText(b.text)}`);
    else if (b.kind === 'para') out.push(b.parts.map(jiraInline).join(''));
    else if (b.kind === 'list') out.push(b.items.map((item) => `* ${item.map(jiraInline).join('')}`).join('\n'));
    else out.push([`||${b.header.map(jiraText).join('||')}||`, ...b.rows.map((r) => `|${r.map((c) => jiraText(c) || ' ').join('|')}|`)].join('\n'));
  }
  return out.join('\n\n') + '\n';
}

function plainInline(p: Inline): string {
  if (typeof p === 'string') return oneLine(p);
  if ('bold' in p) return oneLine(p.bold);
  if ('code' in p) return oneLine(p.code);
  const url = safeUrl(p.link);
  return url ? `${oneLine(p.text)}: ${url}` : oneLine(p.text);
}

/** Plain text (ServiceNow's description is a plain text field). */
export function toPlainText(doc: TicketDocument): string {
  const out: string[] = [];
  for (const b of doc) {
    if (b.kind === 'heading') out.push(oneLine(b.text).toUpperCase());
    else if (b.kind === 'para') out.push(b.parts.map(plainInline).join(''));
    else if (b.kind === 'list') out.push(b.items.map((item) => `- ${item.map(plainInline).join('')}`).join('\n'));
    else out.push([b.header.join(' | '), ...b.rows.map((r) => r.map(oneLine).join(' | '))].join('\n'));
  }
  return out.join('\n\n') + '\n';
}
