import * as z from 'zod/mini';
import '../zod-messages';
import { DEFAULT_RETENTION_HOURS, DEFAULT_STALE_AFTER_HOURS } from '../domain/staleness';

/** Issue 10 point 8: a crew's shift. */
export const DEFAULT_OFFLINE_SESSION_HOURS = 12;
/** Issue 11 point 2: the clinical screens lock after this long untouched or hidden. */
export const DEFAULT_LOCK_AFTER_MINUTES = 5;
/** Issue 11 point 3: how long a tap on a crisis team's number may keep the app hidden for the call. */
export const DEFAULT_CALL_GRACE_MINUTES = 10;

/**
 * /config.json: one build serves every trust (DESIGN.md "Runtime configuration").
 * Unknown keys are dropped, not fatal, so older builds accept newer files.
 */

const serviceBase = z.pipe(
  z.string({ error: 'must be a URL' }).check(
    z.refine((value) => URL.canParse(value), { error: 'must be a URL', abort: true }),
    z.refine((value) => {
      const url = new URL(value);
      // Plain http only for a gateway on this machine (development); patient data goes over TLS.
      return url.protocol === 'https:' || ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.protocol === 'http:');
    }, 'must be an https:// URL'),
    // The gateway adds every credential (DESIGN.md "Where the app sits"): one in the URL would
    // sit in every request, log and error report. The message never repeats the value.
    z.refine((value) => {
      const url = new URL(value);
      return url.username === '' && url.password === '' && !/^[^:/?#]+:\/\/[^/?#]*@/.test(value);
    }, 'must not contain a user name or password: the gateway adds credentials'),
    // Paths are joined onto the base, so a query or fragment would end up in the middle of them.
    z.refine((value) => !value.includes('?'), 'must not contain a query string (“?…”): give the base address only'),
    z.refine((value) => !value.includes('#'), 'must not contain a fragment (“#…”): give the base address only'),
  ),
  z.transform((value: string) => value.replace(/\/+$/, '')),
);

const odsCode = z
  .string({ error: 'must be an ODS code such as RX8' })
  .check(z.regex(/^[A-Z0-9]{3,12}$/, 'must be an ODS code such as RX8 (capital letters and digits)'));

const codeList = z.array(z.string().check(z.regex(/^[A-Z0-9]{1,16}$/, 'must list CIS2 codes such as R8003 or B0360'))).check(z.maxLength(50));

/**
 * CIS2 sign-in (issue 10, docs/cis2-sign-in.md): an OpenID Connect provider, this app's client id,
 * the scopes to ask for, and which CIS2 codes grant each app role.
 */
export const AuthConfig = z.object({
  /** The OpenID provider's issuer URL; its discovery document is at `/.well-known/openid-configuration`. */
  authority: serviceBase,
  clientId: z.string({ error: 'must be the client id registered with CIS2' }).check(z.minLength(1, 'must be the client id registered with CIS2')),
  scope: z._default(
    z.string().check(z.refine((value) => value.split(' ').includes('openid'), 'must include openid')),
    'openid profile nationalrbacaccess selectedrole associatedorgs',
  ),
  roles: z.object({ paramedic: codeList, clinicalLead: codeList, trainer: z._default(codeList, []) }),
});
export type AuthConfig = z.infer<typeof AuthConfig>;

export const ServiceBases = z.object({
  pds: serviceBase,
  nrl: serviceBase,
  ods: serviceBase,
  ssp: serviceBase,
  audit: serviceBase,
});
export type ServiceBases = z.infer<typeof ServiceBases>;

const hours = (fallback: number, max: number) =>
  z._default(
    z.number({ error: 'must be a number of hours' }).check(
      z.positive('must be more than 0 hours'),
      z.maximum(max, `must be at most ${max} hours`),
    ),
    fallback,
  );

const minutes = (fallback: number) =>
  z._default(
    z.number({ error: 'must be a number of minutes' }).check(
      z.minimum(1, 'must be at least 1 minute'),
      z.maximum(60, 'must be at most 60 minutes'),
    ),
    fallback,
  );

/** Device-cache rules (issue 4, docs/clinical-safety.md): shared by live and demo modes. */
const cachePolicy = {
  /** Past this age a saved plan carries a prominent "may be out of date" warning. */
  staleAfterHours: hours(DEFAULT_STALE_AFTER_HOURS, 168),
  /** Saved clinical data is deleted from the device after this long. */
  retentionHours: hours(DEFAULT_RETENTION_HOURS, 168),
  /** The clinical screens lock after this long with nobody touching the tablet, or the app hidden (issue 11). Live mode only in use: demo has no PIN. */
  lockAfterMinutes: minutes(DEFAULT_LOCK_AFTER_MINUTES),
  /** A tap on a crisis team's number lets the app stay hidden this long for the call without locking, once (issue 11). */
  callGraceMinutes: minutes(DEFAULT_CALL_GRACE_MINUTES),
};

export const LiveConfig = z.object({
  mode: z.literal('live'),
  ...cachePolicy,
  organisationOds: odsCode,
  /** This system's Spine ASID, sent as `Ssp-From`; when absent the gateway must set it. */
  asid: z.optional(z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit Spine ASID'))),
  services: ServiceBases,
  /** Required in live mode: no patient data without a signed-in person. */
  auth: AuthConfig,
  /** How long after sign-in an offline start may resume the same person for saved copies only. */
  offlineSessionHours: hours(DEFAULT_OFFLINE_SESSION_HOURS, 24),
});
export type LiveConfig = z.infer<typeof LiveConfig>;

export const DemoConfig = z.object({
  mode: z.literal('demo'),
  ...cachePolicy,
});
export type DemoConfig = z.infer<typeof DemoConfig>;

export const AppConfig = z.discriminatedUnion('mode', [LiveConfig, DemoConfig], {
  error: 'must be "live" or "demo"',
});
export type AppConfig = z.infer<typeof AppConfig>;

export const DEMO_CONFIG: DemoConfig = {
  mode: 'demo',
  staleAfterHours: DEFAULT_STALE_AFTER_HOURS,
  retentionHours: DEFAULT_RETENTION_HOURS,
  lockAfterMinutes: DEFAULT_LOCK_AFTER_MINUTES,
  callGraceMinutes: DEFAULT_CALL_GRACE_MINUTES,
};
