// The app-wide `protocol` members that register schemes before the app is
// ready, with Electron's errors, and what a target's launch asks of them:
//
//   registerSchemesAsPrivileged(customSchemes)  Electron 5+: an argument is
//     required (gin's "Insufficient number of arguments."); once ready it
//     throws before reading it; it must be an array of objects, each with a
//     string `scheme` (gin's vector and dictionary conversions), or it
//     throws "Argument must be an array of custom schemes."; privileges are
//     read for their truth (gin's bool conversion), missing ones are false;
//     where the era reads `codeCache` it needs `standard`.
//   registerStandardSchemes(schemes[, { secure }])  Electron 1.x: an array
//     of strings (native_mate's conversion error otherwise), checked before
//     readiness; `secure` counts only as the boolean true; each call's list
//     replaces the last one's.

import type { EraId } from '../../contract/eras/eras.ts';
import type { PrivilegedScheme } from '../../contract/privileged-scheme.ts';
import type { App } from '../app/app.ts';
import { noPrivileges, type SchemePrivileges } from '../app/url-schemes.ts';
import { requireArgument, throwArgumentError } from '../era/arguments.ts';
import { stringVector } from '../era/gin-array.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { PROTOCOL_ERAS } from './protocol-era.ts';

/** A scheme a target is launched with, as registerSchemesAsPrivileged takes it. */
export type LaunchScheme = PrivilegedScheme;

type ProtocolFunction = (...args: unknown[]) => unknown;

/** std::vector<CustomScheme> from `value`, reading the era's privileges; undefined when it does not convert. */
function customSchemes(
  value: unknown,
  names: readonly (keyof SchemePrivileges)[],
): { scheme: string; privileges: SchemePrivileges }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: { scheme: string; privileges: SchemePrivileges }[] = [];
  const length = value.length;
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (!isGinDictionary(item)) return undefined;
    const scheme = item.scheme;
    if (typeof scheme !== 'string') return undefined;
    const privileges = noPrivileges();
    const options = item.privileges;
    if (isGinDictionary(options)) for (const name of names) privileges[name] = Boolean(options[name]);
    out.push({ scheme, privileges });
  }
  return out;
}

function registerSchemesAsPrivileged(app: App): ProtocolFunction {
  const names = PROTOCOL_ERAS[app.era].privileges;
  return (...args) => {
    requireArgument(args, 0);
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    const schemes = customSchemes(args[0], names);
    if (!schemes) throw new Error('Argument must be an array of custom schemes.');
    if (names.includes('codeCache') && schemes.some((s) => s.privileges.codeCache && !s.privileges.standard)) {
      throw new Error('Code cache can only be enabled when the custom scheme is registered as standard scheme.');
    }
    for (const { scheme, privileges } of schemes) app.urlSchemes.addPrivileged(scheme, privileges);
  };
}

function registerStandardSchemes(app: App): ProtocolFunction {
  return (...args) => {
    requireArgument(args, 0);
    const schemes = stringVector(args[0]);
    if (!schemes) throwArgumentError(0, args[0], 'native_mate');
    if (app.isReady()) throw new Error('protocol.registerStandardSchemes should be called before app is ready');
    const options = args[1];
    app.urlSchemes.replaceStandard(schemes, isGinDictionary(options) && options.secure === true);
  };
}

/** The era's scheme-registering member of the app-wide module, by name. */
export function schemeRegistrationMembers(app: App): Record<string, ProtocolFunction> {
  const name = PROTOCOL_ERAS[app.era].schemeRegistration;
  return { [name]: name === 'registerStandardSchemes' ? registerStandardSchemes(app) : registerSchemesAsPrivileged(app) };
}

/**
 * Registers a launch's schemes through the era's member, as an app's main
 * script would before ready. Electron 1.x can only register standard
 * schemes, all secure or none of them: other lists are refused.
 */
export function registerLaunchSchemes(
  era: EraId,
  protocol: Readonly<Record<string, ProtocolFunction>>,
  schemes: readonly LaunchScheme[],
): void {
  if (schemes.length === 0) return;
  if (PROTOCOL_ERAS[era].schemeRegistration === 'registerSchemesAsPrivileged') {
    protocol.registerSchemesAsPrivileged!(schemes);
    return;
  }
  const secure = schemes.map((s) => s.privileges?.secure === true);
  const onlyStandard = (s: LaunchScheme) =>
    s.privileges?.standard === true &&
    Object.entries(s.privileges).every(([name, on]) => !on || name === 'standard' || name === 'secure');
  if (!schemes.every(onlyStandard) || secure.some((s) => s !== secure[0])) {
    throw new Error(
      `era ${era} registers standard schemes only, all secure or none (protocol.registerStandardSchemes): ${JSON.stringify(schemes)}`,
    );
  }
  protocol.registerStandardSchemes!(
    schemes.map((s) => s.scheme),
    { secure: secure[0] },
  );
}
