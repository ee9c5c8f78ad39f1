// Generated regions inside hand-written documents:
//   <!-- generated:name -->
//   ...replaced by `npm run docs`...
//   <!-- /generated:name -->
// so prose stays editable while tables that code can state stay true.

export function replaceRegion(text: string, name: string, content: string, where = 'document'): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${where}: no region ${open} ... ${close}`);
  return `${text.slice(0, start + open.length)}\n${content.trim()}\n${text.slice(end)}`;
}
