// The reference's one public face for test harnesses: launch a reference app
// from a target's options, and what the reference offers a driver (every
// area's capabilities and commands, merged once). The harness, the bundled
// agent and the Electron stand-in reach the reference through this file only.

import type { Capability } from '../contract/capabilities.ts';
import type { DriverImplementation } from '../contract/driver-commands.ts';
import type { EraId } from '../contract/eras/eras.ts';
import { AREAS } from './areas.ts';
import { listSystemDevicesByDefault } from './devices/real-backends.ts';
import { createReferenceElectron, type ReferenceElectron } from './instance.ts';
import type { LaunchScheme } from './protocol/scheme-registration.ts';
import { servicesOf } from './session/binding.ts';

export type { ReferenceElectron } from './instance.ts';
export { createReferenceElectron } from './instance.ts';

/** What a target of the reference is launched with (the harness's TargetOptions satisfy it). */
export interface ReferenceLaunch {
  era: EraId;
  userDataDir: string;
  switches?: Record<string, string>;
  env?: Record<string, string>;
  extraCaCertificates?: string[];
  secureDnsServers?: string[];
  dnsServers?: string[];
  /** Schemes registered app-wide before ready, as protocol.registerSchemesAsPrivileged takes them. */
  privilegedSchemes?: LaunchScheme[];
}

export function launchReference(options: ReferenceLaunch): ReferenceElectron {
  // A test target sees the devices its specs plug, not the machine's (unless a device switch says so).
  listSystemDevicesByDefault(false);
  return createReferenceElectron({
    era: options.era,
    userData: options.userDataDir,
    switches: options.switches,
    privilegedSchemes: options.privilegedSchemes,
    env: options.env,
    network: {
      extraCaCertificates: options.extraCaCertificates ?? [],
      secureDnsServers: options.secureDnsServers ?? [],
      dnsServers: options.dnsServers ?? [],
    },
  });
}

/** Every capability some area of the reference makes true. */
export const REFERENCE_CAPABILITIES: readonly Capability[] = [
  ...new Set(AREAS.flatMap((area) => area.driver?.capabilities ?? [])),
];

/** Every area's driver commands; two areas implementing one command is a wiring error. */
export const REFERENCE_DRIVER_COMMANDS: DriverImplementation = (() => {
  const merged: Record<string, unknown> = {};
  for (const area of AREAS) {
    for (const [name, command] of Object.entries(area.driver?.commands ?? {})) {
      if (merged[name]) throw new Error(`driver command ${name} is implemented by two areas`);
      merged[name] = command;
    }
  }
  return merged as DriverImplementation;
})();

/**
 * Writes every store of a session to disk and resolves when it is there
 * (for crash-durability tests: what has resolved is acknowledged).
 */
export function flushSessionStores(session: object): Promise<void> {
  return servicesOf(session).flushStores();
}

// Tools the harness shares with the reference: atomic writes for reports and
// expectation files, and the proxy area's explanations for `proxy-check`
// (with the app's scheme registrations they read URLs by).
export { writeFileAtomic } from './storage/atomic-file.ts';
export { preferenceFromSetProxy } from './proxy/electron-config.ts';
export { explainStatic } from './proxy/explain.ts';
export { describeNetConfig } from './proxy/net-config.ts';
export { fetchPacScript } from './proxy/pac/fetch-pac-script.ts';
export { ProxyConfigService } from './proxy/proxy-config-service.ts';
export { noPrivileges, UrlSchemes } from './app/url-schemes.ts';
