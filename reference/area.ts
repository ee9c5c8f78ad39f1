// The contract every area of the reference fulfils: one description of
// itself that the composition root, the session class, the adapters, the
// agents and the Electron stand-in all read from the registry in areas.ts.
// An area is one folder under reference/ with an `area.ts` exporting one of
// these; adding an area is that folder plus one line in areas.ts.
//
// Everything here is data or a function of what the composition root hands
// the area (the session's services and its network stack): no area imports
// another area to force an order of construction.

import type { Capability } from '../contract/capabilities.ts';
import type { DriverImplementation } from '../contract/driver-commands.ts';
import type { MemberTable } from './era/shape.ts';
import type { NetworkHooks } from './net/hooks.ts';
import type { NetworkService } from './net/network-service.ts';
import type { PublicObjectKind } from './session/public-object.ts';
import type { SessionServices } from './session/session-services.ts';

/** Installs an area's seam (hooks.ts) on a session's freshly built network stack. */
export type NetworkHookInstaller = (hooks: NetworkHooks, services: SessionServices, network: NetworkService) => void;

export interface Area {
  /** The folder name under reference/ and spec/ (`cookies`). */
  readonly id: string;
  /** One line saying what the area is, for CONTRIBUTING and `list`. */
  readonly summary: string;
  /**
   * The area's members of Session (`ses.*`, with events as `ses.on('x')`),
   * across every era: the era's inventory picks the ones that exist.
   */
  readonly sessionMembers?: MemberTable;
  /** The public objects the area owns (`ses.cookies` is a Cookies). */
  readonly objects?: readonly PublicObjectKind[];
  /** Called once for each new session, once its public Session object exists. */
  readonly sessionCreated?: (services: SessionServices) => void;
  /** Its seam in the network stack, if requests of the session pass through it. */
  readonly network?: NetworkHookInstaller;
  /**
   * The driver's vendor layer for this area: the stimuli a page or a device
   * would give (WPT's testdriver-vendor, next to the implementation), and the
   * capabilities they make true.
   */
  readonly driver?: {
    readonly capabilities: readonly Capability[];
    readonly commands?: DriverImplementation;
  };
}
