// The spellcheck area: a session's spell-check languages, its custom
// dictionary, the dictionaries it downloads (and the events telling of them),
// and the driver's page check of a text against all of it.

import type { Area } from '../area.ts';
import { servicesOf } from '../session/binding.ts';
import { SPELLCHECK_MEMBERS } from './spellcheck-members.ts';
import { spellcheckService } from './spellcheck-service.ts';

const DICTIONARY_EVENT = /^spellcheck-dictionary-/;

export const spellcheckArea: Area = {
  id: 'spellcheck',
  summary: 'spell-check languages, custom dictionary, dictionary downloads and their events, enable/disable',
  sessionMembers: SPELLCHECK_MEMBERS,
  sessionCreated(services) {
    // Listening for a dictionary event starts the spell checker, so the
    // listener hears the dictionaries it loads, as it would in Electron.
    services.session.on('newListener', (event: string | symbol) => {
      if (typeof event === 'string' && DICTIONARY_EVENT.test(event)) services.use(spellcheckService);
    });
  },
  driver: {
    capabilities: ['spellcheck'],
    commands: {
      'spellcheck.check': ({ session, text }) =>
        servicesOf(session as object)
          .use(spellcheckService)
          .check(text),
    },
  },
};
