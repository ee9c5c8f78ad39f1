// The public members of a session's Protocol, each era's calling convention
// over one ProtocolService:
//
//   1.x   register*/intercept*/unregister/unintercept report to an optional
//         completion(error) after the fact (callbackify); isProtocolHandled
//         answers a callback; built-in schemes count as registered, and
//         only a handled scheme can be intercepted.
//   9     the same calls return nothing and call the optional completion at
//         once; isProtocolHandled returns a promise.
//   12+   they return whether they succeeded (a completion still works);
//         isProtocolRegistered / isProtocolIntercepted.
//   30+   handle / unhandle / isProtocolHandled on top (protocol-handle.ts);
//         the older calls remain, deprecated.

import type { EraId } from '../../contract/eras/eras.ts';
import { conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import { stringVector } from '../era/gin-array.ts';
import type { MemberImpl, MemberTable } from '../era/shape.ts';
import { serviceBehind } from '../session/public-object.ts';
import { handlerFor, isBuiltInScheme } from './protocol-handle.ts';
import type { ProtocolType } from './protocol-response.ts';
import type { ProtocolHandler, ProtocolService } from './protocol-service.ts';
import { PROTOCOL_ERAS } from './protocol-era.ts';

type Outcome = 'ok' | 'registered' | 'not-registered' | 'intercepted' | 'not-intercepted';

const MESSAGES: Record<Exclude<Outcome, 'ok'>, string> = {
  registered: 'The scheme has been registered',
  'not-registered': 'The scheme has not been registered',
  intercepted: 'The scheme has been intercepted',
  'not-intercepted': 'The scheme has not been intercepted',
};

/** Schemes Electron 1.x's request job factory handles before any registration. */
const LEGACY_BUILT_IN = new Set([
  'about',
  'blob',
  'chrome',
  'chrome-devtools',
  'data',
  'file',
  'filesystem',
  'ftp',
  'http',
  'https',
  'ws',
  'wss',
]);

/** Schemes isProtocolHandled reports in Electron 9 to 29 without any handler. */
const BUILT_IN = new Set(['about', 'file', 'http', 'https', 'data', 'filesystem']);

function readScheme(era: EraId, args: unknown[]): string {
  requireArgument(args, 0);
  if (typeof args[0] !== 'string') throwArgumentError(0, args[0], conversionStyle(era));
  return args[0];
}

function readHandler(era: EraId, args: unknown[]): ProtocolHandler {
  requireArgument(args, 1);
  if (typeof args[1] !== 'function') throwArgumentError(1, args[1], conversionStyle(era));
  return args[1] as ProtocolHandler;
}

/**
 * Reports an outcome the era's way: 1.x settles a promise (callbackify
 * turns it into completion(error)); later eras call a completion given at
 * `completionIndex` at once and return nothing (9) or the success (12+).
 */
function report(era: EraId, outcome: Outcome, args: unknown[], completionIndex: number): unknown {
  const error = outcome === 'ok' ? null : new Error(MESSAGES[outcome]);
  const style = PROTOCOL_ERAS[era].outcome;
  if (style === 'promise') return error ? Promise.reject(error) : Promise.resolve();
  const completion = args[completionIndex];
  if (typeof completion === 'function') (completion as (error: Error | null) => void)(error);
  return style === 'completion' ? undefined : outcome === 'ok';
}

function registerOutcome(service: ProtocolService, type: ProtocolType, scheme: string, handler: ProtocolHandler): Outcome {
  if (PROTOCOL_ERAS[service.era].builtInSchemesRegistered && LEGACY_BUILT_IN.has(scheme)) return 'registered';
  return service.register(type, scheme, handler) ? 'ok' : 'registered';
}

function interceptOutcome(service: ProtocolService, type: ProtocolType, scheme: string, handler: ProtocolHandler): Outcome {
  const builtIns = PROTOCOL_ERAS[service.era].builtInSchemesRegistered;
  if (builtIns && !LEGACY_BUILT_IN.has(scheme) && !service.isRegistered(scheme)) return 'not-registered';
  return service.intercept(type, scheme, handler) ? 'ok' : 'intercepted';
}

type OutcomeOf = (service: ProtocolService, type: ProtocolType, scheme: string, handler: ProtocolHandler) => Outcome;

/** register<Type>Protocol or intercept<Type>Protocol: read scheme and handler as the era does, then report the outcome. */
function handlerMember(type: ProtocolType, outcomeOf: OutcomeOf): MemberImpl {
  return {
    kind: 'method',
    call(this: object, ...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const scheme = readScheme(service.era, args);
      const handler = readHandler(service.era, args);
      return report(service.era, outcomeOf(service, type, scheme, handler), args, 2);
    },
  };
}

function registerMember(type: ProtocolType): MemberImpl {
  return handlerMember(type, registerOutcome);
}

function interceptMember(type: ProtocolType): MemberImpl {
  return handlerMember(type, interceptOutcome);
}

function capitalized(type: ProtocolType): string {
  return type[0]!.toUpperCase() + type.slice(1);
}

const TYPES: readonly ProtocolType[] = ['string', 'buffer', 'file', 'http', 'stream'];

export const PROTOCOL_MEMBERS: MemberTable = {
  ...Object.fromEntries(TYPES.map((type) => [`protocol.register${capitalized(type)}Protocol`, registerMember(type)])),
  ...Object.fromEntries(TYPES.map((type) => [`protocol.intercept${capitalized(type)}Protocol`, interceptMember(type)])),
  'protocol.unregisterProtocol': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const scheme = readScheme(service.era, args);
      return report(service.era, service.unregister(scheme) ? 'ok' : 'not-registered', args, 1);
    },
  },
  'protocol.uninterceptProtocol': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const scheme = readScheme(service.era, args);
      return report(service.era, service.unintercept(scheme) ? 'ok' : 'not-intercepted', args, 1);
    },
  },
  'protocol.isProtocolRegistered': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      return service.isRegistered(readScheme(service.era, args));
    },
  },
  'protocol.isProtocolIntercepted': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      return service.isIntercepted(readScheme(service.era, args));
    },
  },
  'protocol.isProtocolHandled': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const scheme = readScheme(service.era, args);
      switch (service.era) {
        case 'legacy':
          return Promise.resolve(LEGACY_BUILT_IN.has(scheme) || service.isRegistered(scheme));
        case 'current':
          return isBuiltInScheme(scheme) ? service.isIntercepted(scheme) : service.isRegistered(scheme);
        default:
          return Promise.resolve(service.isRegistered(scheme) || service.isIntercepted(scheme) || BUILT_IN.has(scheme));
      }
    },
    convertLegacyArguments(args) {
      if (args.length > 0 && typeof args[0] !== 'string') throwArgumentError(0, args[0], 'native_mate');
    },
  },
  'protocol.handle': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const [scheme, handler] = args;
      if (typeof scheme !== 'string') throwArgumentError(0, scheme, conversionStyle(service.era));
      // The handler is only called at request time; a non-function fails those requests.
      const wrapped = handlerFor(handler as (request: Request) => Response | Promise<Response>);
      const added = isBuiltInScheme(scheme)
        ? service.intercept('free', scheme, wrapped)
        : service.register('free', scheme, wrapped);
      if (!added) throw new Error(`Failed to register protocol: ${scheme}`);
    },
  },
  'protocol.unhandle': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      const [scheme] = args;
      if (typeof scheme !== 'string') throwArgumentError(0, scheme, conversionStyle(service.era));
      const removed = isBuiltInScheme(scheme) ? service.unintercept(scheme) : service.unregister(scheme);
      if (!removed) throw new Error(`Failed to unhandle protocol: ${scheme}`);
    },
  },
  'protocol.registerServiceWorkerSchemes': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceBehind<ProtocolService>('Protocol', this);
      requireArgument(args, 0);
      const schemes = stringVector(args[0]);
      if (!schemes) throwArgumentError(0, args[0], conversionStyle(service.era));
      service.serviceWorkerSchemes = schemes;
    },
  },
};
