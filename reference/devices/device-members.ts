// The Session members of the devices area: the three handler setters, with
// Electron's argument errors (electron_api_session.cc: gin's insufficiency
// TypeError for no argument, 'Must pass null or function' as a TypeError
// for anything but null or a function). The device events need no member:
// the bus modules emit them on the session.

import { requireArgument } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { deviceService, type AppHandler, type DeviceService } from './device-service.ts';

function handlerArgument(args: readonly unknown[]): AppHandler | null {
  requireArgument(args, 0);
  const [handler] = args;
  if (handler === null) return null;
  if (typeof handler !== 'function') throw new TypeError('Must pass null or function');
  return handler as AppHandler;
}

function setter(assign: (service: DeviceService, handler: AppHandler | null) => void) {
  return {
    kind: 'method' as const,
    call(this: object, ...args: unknown[]) {
      const handler = handlerArgument(args);
      assign(servicesOf(this).use(deviceService), handler);
    },
  };
}

export const DEVICE_MEMBERS: MemberTable = {
  'ses.setDevicePermissionHandler': setter((service, handler) => {
    service.devicePermissionHandler = handler;
  }),
  'ses.setUSBProtectedClassesHandler': setter((service, handler) => {
    service.usbProtectedClassesHandler = handler;
  }),
  'ses.setBluetoothPairingHandler': setter((service, handler) => {
    service.bluetoothPairingHandler = handler;
  }),
};
