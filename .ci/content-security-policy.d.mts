/** Types for content-security-policy.mjs, imported by vite.config.ts and the e2e journey. */
export declare const META_POLICY: string;
export declare function connectSourcesFor(config: unknown): string[];
export declare function headerPolicy(config: unknown, extraConnectOrigins?: readonly string[]): string;
