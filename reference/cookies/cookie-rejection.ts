// Why a cookie was not stored (Chromium's CookieInclusionStatus exclusion and
// warning reasons) and the rejection message each era's Electron builds from
// them: a fixed text in 1.x, a short table in 9-31, Chromium's descriptions
// followed by its debug string from 32.

import type { CookieEra } from './cookie-era.ts';

/** Exclusion reasons, in Chromium's enum order (the order messages list them in). */
export const EXCLUSION_REASONS = [
  'EXCLUDE_UNKNOWN_ERROR',
  'EXCLUDE_HTTP_ONLY',
  'EXCLUDE_SECURE_ONLY',
  'EXCLUDE_DOMAIN_MISMATCH',
  'EXCLUDE_NOT_ON_PATH',
  'EXCLUDE_SAMESITE_STRICT',
  'EXCLUDE_SAMESITE_LAX',
  'EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX',
  'EXCLUDE_SAMESITE_NONE_INSECURE',
  'EXCLUDE_USER_PREFERENCES',
  'EXCLUDE_FAILURE_TO_STORE',
  'EXCLUDE_NONCOOKIEABLE_SCHEME',
  'EXCLUDE_OVERWRITE_SECURE',
  'EXCLUDE_OVERWRITE_HTTP_ONLY',
  'EXCLUDE_INVALID_DOMAIN',
  'EXCLUDE_INVALID_PREFIX',
  'EXCLUDE_INVALID_PARTITIONED',
  'EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE',
  'EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE',
  'EXCLUDE_DOMAIN_NON_ASCII',
  'EXCLUDE_THIRD_PARTY_BLOCKED_WITHIN_FIRST_PARTY_SET',
  'EXCLUDE_PORT_MISMATCH',
  'EXCLUDE_SCHEME_MISMATCH',
  'EXCLUDE_SHADOWING_DOMAIN',
  'EXCLUDE_DISALLOWED_CHARACTER',
  'EXCLUDE_THIRD_PARTY_PHASEOUT',
  'EXCLUDE_NO_COOKIE_CONTENT',
] as const;

export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const WARNING_REASONS = ['WARN_SAMESITE_NONE_INSECURE', 'WARN_TENTATIVELY_ALLOWING_SECURE_SOURCE_SCHEME'] as const;

export type WarningReason = (typeof WARNING_REASONS)[number];

/** An inclusion status: no exclusion reason means the cookie is included. */
export class CookieStatus {
  readonly #exclusions = new Set<ExclusionReason>();
  readonly #warnings = new Set<WarningReason>();

  exclude(reason: ExclusionReason): this {
    this.#exclusions.add(reason);
    return this;
  }

  warn(reason: WarningReason): this {
    this.#warnings.add(reason);
    return this;
  }

  has(reason: ExclusionReason): boolean {
    return this.#exclusions.has(reason);
  }

  get included(): boolean {
    return this.#exclusions.size === 0;
  }

  exclusions(): ExclusionReason[] {
    return EXCLUSION_REASONS.filter((r) => this.#exclusions.has(r));
  }

  /** SameSite warnings only stay when the cookie is excluded for SameSite reasons alone (MaybeClearSameSiteWarning). */
  warnings(): WarningReason[] {
    const other = this.exclusions().some(
      (r) => r !== 'EXCLUDE_SAMESITE_NONE_INSECURE' && r !== 'EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX',
    );
    return WARNING_REASONS.filter((w) => this.#warnings.has(w) && !(other && w === 'WARN_SAMESITE_NONE_INSECURE'));
  }

  /** CookieInclusionStatus::GetDebugString. */
  debugString(): string {
    const parts: string[] = this.included ? ['INCLUDE'] : [];
    parts.push(...this.exclusions());
    const warnings = this.warnings();
    parts.push(...(warnings.length ? warnings : ['DO_NOT_WARN']));
    return `${parts.join(', ')}, NO_EXEMPTION`;
  }
}

/** Electron 32+: Chromium's description of each reason. */
const DESCRIPTIONS: Partial<Record<ExclusionReason, string>> = {
  EXCLUDE_UNKNOWN_ERROR: 'Unknown error',
  EXCLUDE_HTTP_ONLY: 'The cookie was HttpOnly, but the attempted access was through a non-HTTP API.',
  EXCLUDE_SECURE_ONLY: 'The cookie was Secure, but the URL was not allowed to access Secure cookies.',
  EXCLUDE_DOMAIN_MISMATCH: "The cookie's domain attribute did not match the domain of the URL attempting access.",
  EXCLUDE_NOT_ON_PATH: "The cookie's path attribute did not match the path of the URL attempting access.",
  EXCLUDE_SAMESITE_NONE_INSECURE: 'The cookie specified SameSite=None, but it was not Secure.',
  EXCLUDE_FAILURE_TO_STORE: 'The cookie was malformed and could not be stored',
  EXCLUDE_NONCOOKIEABLE_SCHEME: 'Attempted to set a cookie from a scheme that does not support cookies.',
  EXCLUDE_OVERWRITE_SECURE: 'The cookie would have overwritten a Secure cookie, and was not allowed to do so.',
  EXCLUDE_OVERWRITE_HTTP_ONLY: 'The cookie would have overwritten an HttpOnly cookie, and was not allowed to do so.',
  EXCLUDE_INVALID_DOMAIN: 'The cookie was set with an invalid Domain attribute.',
  EXCLUDE_INVALID_PREFIX: 'The cookie was set with an invalid __Host- or __Secure- prefix.',
  EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE: 'The cookie exceeded the name/value pair size limit.',
  EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE: 'Cookie exceeded the attribute size limit.',
  EXCLUDE_DOMAIN_NON_ASCII: 'The cookie was set with a Domain attribute containing non ASCII characters.',
  EXCLUDE_DISALLOWED_CHARACTER: 'The cookie contains ASCII control characters',
  EXCLUDE_NO_COOKIE_CONTENT: 'The cookie contains no content or only whitespace.',
};

/** Electron 9-31: the first matching entry of a short table, else a generic text. */
const SHORT_MESSAGES: [ExclusionReason, string][] = [
  ['EXCLUDE_HTTP_ONLY', 'Failed to create httponly cookie'],
  ['EXCLUDE_SECURE_ONLY', 'Cannot create a secure cookie from an insecure URL'],
  ['EXCLUDE_FAILURE_TO_STORE', 'Failed to parse cookie'],
  ['EXCLUDE_INVALID_DOMAIN', 'Failed to get cookie domain'],
  ['EXCLUDE_INVALID_PREFIX', 'Failed because the cookie violated prefix rules.'],
  ['EXCLUDE_NONCOOKIEABLE_SCHEME', 'Cannot set cookie for current scheme'],
];

export function rejectionMessage(era: CookieEra, status: CookieStatus): string {
  switch (era.messages) {
    case 'fixed':
      return 'Setting cookie failed';
    case 'short':
      return SHORT_MESSAGES.find(([reason]) => status.has(reason))?.[1] ?? 'Setting cookie failed';
    case 'detailed':
      return `Failed to set cookie - ${status
        .exclusions()
        .map((r) => DESCRIPTIONS[r] ?? '')
        .join('')}${status.debugString()}`;
  }
}

export function rejection(era: CookieEra, status: CookieStatus): Error {
  return new Error(rejectionMessage(era, status));
}
