// Extension::LoadName turns the manifest's name into the one users see:
// base::CollapseWhitespace(name, true) trims the ends, reduces each run of
// Unicode whitespace to one space and drops runs that contain a line break;
// base::i18n::SanitizeUserSuppliedString then closes any directional
// embedding or override the name leaves open.

const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

const OPENERS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const POP = 0x202c;

export function collapseWhitespace(text: string): string {
  const out: string[] = [];
  let inWhitespace = true;
  let alreadyTrimmed = true;
  for (const unit of text) {
    const c = unit.charCodeAt(0);
    if (WHITESPACE.has(c)) {
      if (!inWhitespace) {
        inWhitespace = true;
        out.push(' ');
      }
      if (!alreadyTrimmed && (c === 0x0a || c === 0x0d)) {
        alreadyTrimmed = true;
        out.pop();
      }
    } else {
      inWhitespace = false;
      alreadyTrimmed = false;
      out.push(unit);
    }
  }
  if (inWhitespace && !alreadyTrimmed) out.pop();
  return out.join('');
}

export function terminateDirectionalFormatting(text: string): string {
  let open = 0;
  for (const unit of text) {
    const c = unit.charCodeAt(0);
    if (OPENERS.has(c)) open++;
    else if (c === POP && open > 0) open--;
  }
  return text + String.fromCharCode(POP).repeat(open);
}

export function displayName(name: string): string {
  return terminateDirectionalFormatting(collapseWhitespace(name));
}
