// The core public members of Session (identity, user agent, preloads):
// argument validation as Electron performs it, then one call into the
// session's services. era/shape.ts picks the members
// each era documents.

import type { MemberTable } from '../era/shape.ts';
import { conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import { stringVector } from '../era/gin-array.ts';
import { servicesOf } from './binding.ts';

export const CORE_MEMBERS: MemberTable = {
  'ses.isPersistent': {
    kind: 'method',
    call() {
      return servicesOf(this).identity.persistent;
    },
  },
  'ses.getStoragePath': {
    kind: 'method',
    call() {
      return servicesOf(this).identity.storagePath;
    },
  },
  'ses.storagePath': {
    kind: 'property',
    get() {
      return servicesOf(this).identity.storagePath;
    },
  },
  'ses.getUserAgent': {
    kind: 'method',
    call() {
      return servicesOf(this).userAgent.userAgent;
    },
  },
  'ses.setUserAgent': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [userAgent, acceptLanguages] = args;
      if (typeof userAgent !== 'string') throwArgumentError(0, userAgent, conversionStyle(services.era));
      services.userAgent.userAgent = userAgent;
      // Electron reads the optional second argument leniently: a non-string is ignored.
      if (typeof acceptLanguages === 'string') services.userAgent.acceptLanguages = acceptLanguages;
    },
  },
  'ses.setPreloads': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      // A std::vector<base::FilePath>: strings, and null as the empty path; a
      // hole fails the conversion. (Electron 35+ maps the array in JS, which
      // skips holes; the current era's document predates that.)
      const preloads = stringVector(args[0], { allowNull: true });
      if (!preloads) throwArgumentError(0, args[0], conversionStyle(services.era));
      // Electron stores the list as given: relative entries are accepted here
      // and only skipped (with a logged error) when a page would load them.
      services.preloads.set(preloads);
    },
  },
  'ses.getPreloads': {
    kind: 'method',
    call() {
      return servicesOf(this).preloads.get();
    },
  },
};
