// Run as a child process by real-backends.test.ts: lists and watches the
// three real buses through their libraries, lets at least one poll run,
// then stops watching ('stop') or leaves the watchers on ('leave'), and
// ends its own work. The process must then exit by itself: a backend that
// left a timer or a library handle referenced would keep it alive.

import { realHidBus } from '../../../../reference/devices/real-hid.ts';
import { realSerialBus } from '../../../../reference/devices/real-serial.ts';
import { realUsbBus } from '../../../../reference/devices/real-usb.ts';
import { POLL_INTERVAL_MS } from '../../../../reference/devices/real-bus.ts';

const mode = process.argv[2];
const buses = { hid: realHidBus, serial: realSerialBus, usb: realUsbBus };
const listener = { added() {}, removed() {} };
const counts: Record<string, number> = {};
for (const [name, bus] of Object.entries(buses)) counts[name] = (await bus.list()).length;
const stops = Object.values(buses).map((bus) => bus.watch(listener));
await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS * 1.5));
const watching = Object.values(buses).every((bus) => bus.watching);
if (mode === 'stop') for (const stop of stops) stop();
const stopped = Object.values(buses).every((bus) => !bus.watching);
process.stdout.write(`${JSON.stringify({ counts, watching, stopped })}\n`);
