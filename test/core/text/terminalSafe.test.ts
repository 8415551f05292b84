import { describe, expect, it } from 'vitest';
import { hasControl, safeText, terminalSafe, visibleControl } from '../../../src/core/text/terminalSafe.js';
import { escapeJsonText, safeJson } from '../../../src/core/text/safeJson.js';
import { csvField, csvLine } from '../../../src/core/text/csvCell.js';
import { terminalSink, type Sink } from '../../../src/core/request/output.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('leaves ordinary text, Unicode and backslashes alone', () => {
    for (const s of ['NYC-LT-3605', 'C:\\Windows\\system32\\cmd.exe /c dir', 'Zürich 東京 😀', '']) expect(terminalSafe(s)).toBe(s);
  });

  it('shows OSC title and clipboard writes, CSI and DCS as inert text', () => {
    expect(terminalSafe('a\u001b]0;title\u0007b')).toBe('a\\x1b]0;title\\x07b');
    expect(terminalSafe('\u001b]52;c;cGF3bmVk\u001b\\')).toBe('\\x1b]52;c;cGF3bmVk\\x1b\\');
    expect(terminalSafe('\u001b[2J\u001b[1;1H')).toBe('\\x1b[2J\\x1b[1;1H');
    expect(terminalSafe('\u001bP+q544e\u001b\\')).toBe('\\x1bP+q544e\\x1b\\');
  });

  it('escapes C1 controls, DEL and bidi overrides', () => {
    expect(terminalSafe('\u009b31m\u009d0;x\u009c\u007f')).toBe('\\x9b31m\\x9d0;x\\x9c\\x7f');
    expect(terminalSafe('abc\u202eexe.txt')).toBe('abc\\u202eexe.txt');
    expect(terminalSafe('\u2066x\u2069')).toBe('\\u2066x\\u2069');
  });

  it('escapes every C0, C1 and DEL character, one by one', () => {
    for (let c = 0; c <= 0x9f; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      const out = terminalSafe(`x${String.fromCharCode(c)}y`);
      expect(RAW.test(out) || /[\t\n\r]/.test(out), `U+${c.toString(16)}`).toBe(false);
    }
  });

  it('keeps line breaks and tabs as structure in multiline text, but not a lone CR', () => {
    expect(terminalSafe('one\ntwo\tthree', { multiline: true })).toBe('one\ntwo\tthree');
    expect(terminalSafe('one\r\ntwo', { multiline: true })).toBe('one\ntwo');
    expect(terminalSafe('fake\rreal', { multiline: true })).toBe('fake\\rreal');
    expect(terminalSafe('one\ntwo')).toBe('one\\ntwo');
  });

  it('is idempotent, and helpers agree', () => {
    const once = terminalSafe('\u001b]0;x\u0007\u009b');
    expect(terminalSafe(once)).toBe(once);
    expect(hasControl(once)).toBe(false);
    expect(hasControl('\u001b')).toBe(true);
    expect(safeText(undefined)).toBe('');
    expect(safeText(42)).toBe('42');
    expect(visibleControl('\u0000')).toBe('\\x00');
  });
});

describe('safeJson', () => {
  it('escapes C1, DEL and bidi overrides that JSON.stringify leaves raw, keeping the value', () => {
    const value = { name: 'a\u009b2J\u007f\u202e', esc: '\u001b]0;t\u0007' };
    expect(JSON.stringify(value)).toMatch(/\u009b/);
    const text = safeJson(value, 2);
    expect(RAW.test(text)).toBe(false);
    expect(text).toContain('\\u009b2J\\u007f\\u202e');
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeJsonText('"plain"')).toBe('"plain"');
  });
});

describe('csvField', () => {
  it('prefixes formula-like fields with a quote (OWASP), then quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('host-1')).toBe('host-1');
    expect(csvLine(['a', '=b'])).toBe("a,'=b\r\n");
  });
});

describe('terminalSink', () => {
  it('shows raw text and bytes from the API escaped, keeping line breaks', async () => {
    const got: string[] = [];
    const sink: Sink = { write: async (c) => void got.push(String(c)) };
    const t = terminalSink(sink);
    await t.write('line\u001b]0;x\u0007\n');
    await t.write(new TextEncoder().encode('\u009b6n\n'));
    expect(got).toEqual(['line\\x1b]0;x\\x07\n', '\\x9b6n\n']);
  });
});
