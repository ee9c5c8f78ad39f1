// The event object Electron passes as the first argument of the events it
// emits from native code (gin_helper's Event): `preventDefault()` and
// `defaultPrevented`, so listeners written for Electron work unchanged.

export interface ElectronEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function createElectronEvent(): ElectronEvent {
  let prevented = false;
  return {
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}
