// The Session members of the spell checker: argument conversion and errors
// as Electron's electron_api_session.cc has them, then one call into the
// session's SpellcheckService. The era's inventory picks the members
// (setSpellCheckerEnabled and its property arrived with Electron 11; before
// that, setting languages did not turn spell checking back on).

import type { MemberTable } from '../era/shape.ts';
import { conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import { canonicalUrl } from '../era/gurl.ts';
import type { SessionServices } from '../session/session-services.ts';
import { servicesOf } from '../session/binding.ts';
import { setDownloadBase } from './download-url.ts';
import { correspondingSpellCheckLanguage, spellCheckLanguages } from './language-codes.ts';
import { spellcheckService, type SpellcheckService } from './spellcheck-service.ts';
import { stringVector } from '../era/gin-array.ts';

function spellcheck(self: object): SpellcheckService {
  return servicesOf(self).use(spellcheckService);
}

/** gin's std::string conversion of argument `index`. */
function stringArgument(services: SessionServices, args: unknown[], index: number): string {
  requireArgument(args, index);
  const value = args[index];
  if (typeof value !== 'string') throwArgumentError(index, value, conversionStyle(services.era));
  return value;
}

/** Custom words are refused outright for in-memory sessions, so nothing they add reaches a file. */
function editWord(self: object, args: unknown[], edit: (service: SpellcheckService, word: string) => boolean): boolean {
  const services = servicesOf(self);
  const word = stringArgument(services, args, 0);
  if (!services.identity.persistent) return false;
  return edit(services.use(spellcheckService), word);
}

export const SPELLCHECK_MEMBERS: MemberTable = {
  'ses.setSpellCheckerLanguages': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const languages = stringVector(args[0]);
      if (!languages) throwArgumentError(0, args[0], conversionStyle(services.era));
      const codes = languages.map((language) => {
        const code = correspondingSpellCheckLanguage(language, services.era);
        if (!code) throw new Error(`Invalid language code provided: "${language}" is not a valid language code`);
        return code;
      });
      const service = services.use(spellcheckService);
      service.setLanguages(codes);
      // From Electron 11, setting languages also turns spell checking on (or off for none).
      if (services.era !== 'e9') service.enabled = codes.length > 0;
    },
  },
  'ses.getSpellCheckerLanguages': {
    kind: 'method',
    call() {
      return spellcheck(this).languages();
    },
  },
  'ses.availableSpellCheckerLanguages': {
    kind: 'property',
    get() {
      return spellCheckLanguages(servicesOf(this).era);
    },
  },
  'ses.setSpellCheckerDictionaryDownloadURL': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      const url = canonicalUrl(stringArgument(services, args, 0));
      if (url === null) throw new Error('The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL');
      setDownloadBase(services.app, url);
    },
  },
  'ses.listWordsInSpellCheckerDictionary': {
    kind: 'method',
    async call() {
      return spellcheck(this).customDictionary.words();
    },
  },
  'ses.addWordToSpellCheckerDictionary': {
    kind: 'method',
    call(...args: unknown[]) {
      return editWord(this, args, (service, word) => service.customDictionary.add(word));
    },
  },
  'ses.removeWordFromSpellCheckerDictionary': {
    kind: 'method',
    call(...args: unknown[]) {
      return editWord(this, args, (service, word) => service.customDictionary.remove(word));
    },
  },
  'ses.setSpellCheckerEnabled': {
    kind: 'method',
    call(...args: unknown[]) {
      requireArgument(args, 0);
      spellcheck(this).enabled = Boolean(args[0]);
    },
  },
  'ses.isSpellCheckerEnabled': {
    kind: 'method',
    call() {
      return spellcheck(this).enabled;
    },
  },
  'ses.spellCheckerEnabled': {
    kind: 'property',
    get() {
      return spellcheck(this).enabled;
    },
    set(value: unknown) {
      spellcheck(this).enabled = Boolean(value);
    },
  },
};
