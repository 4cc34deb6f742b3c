/**
 * Who the app says it is when demo mode calls the mocked services. In live mode the trust's
 * gateway can supply `Ssp-From`; in demo mode there is no gateway, and the mocks insist on every
 * header the real services insist on, so the demo wiring must send these.
 */
export const DEMO_CONSUMER = {
  /** Sent as `NHSD-End-User-Organisation-ODS` (an ambulance trust's code). */
  organisationOds: 'RX8',
  /** Sent as `Ssp-From`: a made-up 12-digit ASID. */
  asid: '200000000999',
} as const;
