/** Captured pages saved into files. Its methods are added as its services move behind the store. */
export type CaptureStore = object;
