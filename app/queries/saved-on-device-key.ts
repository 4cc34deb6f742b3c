/** The query key of everything listed under "Saved on this device"; invalidate it after any change. */
export const SAVED_ON_DEVICE_KEY = ['saved-on-device'] as const;
