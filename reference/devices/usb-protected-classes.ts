// ses.setUSBProtectedClassesHandler: when a page opens a USB device,
// Electron's USB delegate asks the handler which of WebUSB's protected
// interface classes stay protected. The handler gets { protectedClasses }
// (Electron's names, in Chromium's order) and returns the names to keep;
// names it does not know are dropped, and a value that is not an array of
// strings keeps nothing protected. Without a handler all stay protected.

import type { PageFrame } from '../app/web-contents.ts';
import type { DeviceService } from './device-service.ts';
import { PROTECTED_CLASSES } from './usb-shapes.ts';

export function protectedClassesFor(devices: DeviceService, _page: PageFrame): number[] {
  const all = PROTECTED_CLASSES.map(([code]) => code);
  const handler = devices.usbProtectedClassesHandler;
  if (!handler) return all;
  let answer: unknown;
  try {
    answer = handler.call(undefined, { protectedClasses: PROTECTED_CLASSES.map(([, name]) => name) });
  } catch {
    return [];
  }
  if (!Array.isArray(answer) || answer.some((name) => typeof name !== 'string')) return [];
  const kept = new Set(answer as string[]);
  return PROTECTED_CLASSES.filter(([, name]) => kept.has(name)).map(([code]) => code);
}
