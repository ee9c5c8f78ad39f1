// Without a `lang` switch, the app locale comes from the environment
// (LANGUAGE, then LC_ALL / LC_MESSAGES / LANG on Linux), resolved to a locale
// Chromium ships: pt_PT.UTF-8 is pt-PT, whose dictionary language is pt-PT.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.getSpellCheckerLanguages'],
  eras: '>=e9',
  requires: [],
  level: 'info',
  basis: 'chromium',
  summary: "On Linux a new session's spell-check language follows the locale of the environment the app starts in.",
});

const t = useTarget(meta, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'pt_PT.UTF-8' } });
useDictionaryServer(t, meta);

describe('the app locale from the environment', () => {
  it('gives a new session the language of LANG', () => {
    expect(freshSession(t, 'env').getSpellCheckerLanguages()).toEqual(['pt-PT']);
  });
});
