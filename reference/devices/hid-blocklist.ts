// Chromium's HID blocklist as far as it decides whether a device is hidden
// whole (HidBlocklist::IsVendorProductBlocked, is_excluded_by_blocklist):
// its static rules that name only a vendor and product id, the security
// keys whose proprietary interfaces a page must not reach. The rules that
// protect single reports (the FIDO usage page, one vendor's output report)
// leave the device listed; the chooser hides FIDO collections by their
// usage page itself (hid-shapes.ts). Every bus backend's device goes
// through hidDeviceOf, so virtual and real devices are judged alike.

/** Blocked product ids by vendor id, from services/device/public/cpp/hid/hid_blocklist.cc. */
const BLOCKED: ReadonlyMap<number, ReadonlySet<number>> = new Map([
  [0x096e, new Set([0x0850, 0x0852, 0x0853, 0x0854, 0x0856, 0x0858, 0x085a, 0x085b, 0x0880])],
  [0x09c3, new Set([0x0023])],
  [
    0x1050,
    new Set([
      0x0010, 0x0018, 0x0030, 0x0110, 0x0111, 0x0112, 0x0113, 0x0114, 0x0115, 0x0116, 0x0120, 0x0200, 0x0211, 0x0401, 0x0402,
      0x0403, 0x0404, 0x0405, 0x0406, 0x0407, 0x0410,
    ]),
  ],
  [0x10c4, new Set([0x8acf])],
  [0x1209, new Set([0x4321, 0x4322])],
  [0x18d1, new Set([0x5026])],
  [0x1a44, new Set([0x00bb])],
  [0x1d50, new Set([0x60fc])],
  [0x1e0d, new Set([0xf1ae, 0xf1d0])],
  [0x1ea8, new Set([0xf025])],
  [0x20a0, new Set([0x4287])],
  [0x24dc, new Set([0x0101])],
  [0x2581, new Set([0xf1d0])],
  [0x2abe, new Set([0x1002])],
  [0x2ccf, new Set([0x0880])],
]);

export function vendorProductBlocked(vendorId: number, productId: number): boolean {
  return BLOCKED.get(vendorId)?.has(productId) === true;
}
