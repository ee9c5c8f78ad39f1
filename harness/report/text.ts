// Small text helpers the reporters share: escaping for XML/HTML and markdown,
// and removing terminal colour codes from messages and stacks.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Escapes for XML and HTML text and attribute values; drops what XML forbids. */
export function escapeXml(text: string): string {
  return stripAnsi(text)
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text for one markdown table cell: one line, pipes and markup neutralised. */
export function markdownCell(text: string): string {
  return stripAnsi(text)
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_|<[\]]/g, (c) => `\\${c}`)
    .trim();
}

export function firstLine(text: string | undefined, max = 200): string {
  const line =
    stripAnsi(text ?? '')
      .split('\n')
      .find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line.trim();
}

/** The quoted form of an argument for a POSIX shell, as readable as it can safely be. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  if (!/[$`"\\!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
