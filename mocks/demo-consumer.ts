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
  /**
   * Demo mode signs in this synthetic trainer with no identity provider (issue 10 point 9), in
   * CIS2's own shape: a `sub`, a name and one national RBAC role.
   */
  trainer: {
    sub: '000000000000-demo-trainer',
    name: 'Sam Demo-Trainer',
    role: { person_roleid: '000000000001', org_code: 'RX8', role_code: 'S8000:G8000:R8008', role_name: '"Clinical":"Clinical Support":"Trainer"' },
    org_name: 'Synthetic Ambulance Service NHS Trust',
  },
} as const;
