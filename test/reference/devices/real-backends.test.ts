// The real backends through the real libraries on this machine: each loads
// (node-hid, usb, serialport's bindings, all prebuilt, no install script),
// lists what its library reports, and can be watched and unwatched without
// keeping the process alive.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realHidBus } from '../../../reference/devices/real-hid.ts';
import { realSerialBus } from '../../../reference/devices/real-serial.ts';
import { realUsbBus } from '../../../reference/devices/real-usb.ts';
import { libraryDevices } from './helpers/library-devices.ts';

const HELPER = fileURLToPath(new URL('./helpers/watch-real-buses.ts', import.meta.url));

function withoutConnection<T extends { connection?: unknown }>(devices: T[]): Omit<T, 'connection'>[] {
  return devices.map(({ connection: _, ...rest }) => rest);
}

describe('the real HID backend', () => {
  it('lists what node-hid reports', async () => {
    const listed = await realHidBus.list();
    expect(Array.isArray(listed)).toBe(true);
    expect(withoutConnection(listed)).toEqual(await libraryDevices('hid'));
    for (const device of listed) expect(device.connection).toEqual(expect.any(Number));
  });
});

describe('the real USB backend', () => {
  it('lists what the usb package reports', async () => {
    const listed = await realUsbBus.list();
    expect(Array.isArray(listed)).toBe(true);
    expect(listed.map((d) => d.deviceId)).toEqual((await libraryDevices('usb')).map((d) => d.deviceId));
  });
});

describe('the real serial backend', () => {
  it('lists what the serialport bindings report', async () => {
    const listed = await realSerialBus.list();
    expect(withoutConnection(listed)).toEqual(await libraryDevices('serial'));
  });

  it('keeps a port’s connection number while it stays', async () => {
    const first = await realSerialBus.list();
    const again = await realSerialBus.list();
    expect(again.map((d) => d.connection)).toEqual(first.map((d) => d.connection));
  });
});

function runHelper(mode: 'stop' | 'leave'): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HELPER, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the watching process did not exit by itself: ${output}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

describe('watching the real buses', () => {
  it('starts and stops, and the process exits by itself afterwards', async () => {
    const { code, output } = await runHelper('stop');
    expect(code, output).toBe(0);
    const result = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ watching: true, stopped: true });
    expect(Object.keys(result.counts).sort()).toEqual(['hid', 'serial', 'usb']);
  });

  it('does not keep the process alive even while a watcher is left on', async () => {
    const { code, output } = await runHelper('leave');
    expect(code, output).toBe(0);
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toMatchObject({ watching: true, stopped: false });
  });

  it('in this process: the last watcher to stop ends the timer or subscription', () => {
    const listener = { added() {}, removed() {} };
    const stopA = realHidBus.watch(listener);
    const stopB = realHidBus.watch({ added() {}, removed() {} });
    expect(realHidBus.watching).toBe(true);
    stopA();
    expect(realHidBus.watching).toBe(true);
    stopB();
    expect(realHidBus.watching).toBe(false);
    const stopUsb = realUsbBus.watch(listener);
    expect(realUsbBus.watching).toBe(true);
    stopUsb();
    expect(realUsbBus.watching).toBe(false);
  });
});
