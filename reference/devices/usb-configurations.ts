// The configuration part of Electron's USBDevice, built the way
// UsbChooserContext::DeviceInfoToValue (v39.2.7) builds it, quirks
// included, since that is what apps receive: each interface of a
// configuration is written over the configuration's `interfaces` key, so
// it holds the last interface's object rather than a list (and is absent
// for a configuration without interfaces); the active configuration gets a
// copy of itself under `configuration` inside its own entry; and the
// device's own `configuration` key is set, to null, only when no
// configuration is active. A bus device knows its active configuration
// only: that is the one configuration listed.

export interface UsbEndpoint {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous';
  readonly packetSize: number;
}

export interface UsbInterface {
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
  readonly interfaceSubclass: number;
  readonly interfaceProtocol: number;
  readonly interfaceName?: string;
  readonly endpoints: readonly UsbEndpoint[];
}

/** The configuration a device has selected, or null when none is (or none could be read). */
export interface UsbConfiguration {
  readonly configurationValue: number;
  readonly configurationName?: string;
}

function alternateValue(iface: UsbInterface): Record<string, unknown> {
  return {
    alternateSetting: 0,
    interfaceClass: iface.interfaceClass,
    interfaceSubclass: iface.interfaceSubclass,
    interfaceProtocol: iface.interfaceProtocol,
    interfaceName: iface.interfaceName ?? '',
    endpoints: iface.endpoints.map((e) => ({ ...e })),
  };
}

function interfaceValue(iface: UsbInterface): Record<string, unknown> {
  const alternate = alternateValue(iface);
  return { interfaceNumber: iface.interfaceNumber, alternates: [alternate], alternate: structuredClone(alternate) };
}

/** `configurations`, and `configuration: null` when none is active, as DeviceInfoToValue sets them. */
export function configurationFields(
  active: UsbConfiguration | null,
  interfaces: readonly UsbInterface[],
): Record<string, unknown> {
  if (!active) return { configurations: [], configuration: null };
  const entry: Record<string, unknown> = {
    configurationValue: active.configurationValue,
    configurationName: active.configurationName ?? '',
  };
  for (const iface of interfaces) entry.interfaces = interfaceValue(iface);
  entry.configuration = structuredClone(entry);
  return { configurations: [entry] };
}
