import type { Kind, Status } from '../domain/debt-item.js';
import { levelOf, SONAR_SEVERITY_LEVELS, withOverrides, type Level } from './level-scales.js';
import { isObject, ownArray, ownString, type JsonObject } from './json-values.js';

/**
 * How a SonarQube issue becomes Paydown's numbers (documented here so the README can quote it):
 *
 * - Effort: SonarQube's remediation time (`effort`, or its older twin `debt`): `30min`, `1h5min`,
 *   `1h 5min`, `2d1h`, where a day is `hoursPerDay` hours (default 8, SonarQube's own default). A
 *   missing effort is unknown, not 0.
 * - Impact (how much it hurts): the highest severity in `impacts` (SonarQube 10.2+: BLOCKER 5, HIGH 4,
 *   MEDIUM 3, LOW 2, INFO 1); without `impacts`, the legacy `severity` (BLOCKER 5, CRITICAL 4, MAJOR 3,
 *   MINOR 2, INFO 1).
 * - Likelihood (how likely it bites): a BUG is wrong behaviour already in the code (4); a VULNERABILITY
 *   needs someone to exploit it (3); a CODE_SMELL bites whenever that code is changed (3); a
 *   SECURITY_HOTSPOT still awaits review (2). Without `type`, the software quality of the impacts
 *   decides: RELIABILITY 4, SECURITY 3, MAINTAINABILITY 3.
 * - Kind: security for vulnerabilities, hotspots and SECURITY impacts; code otherwise.
 * - Status: OPEN, CONFIRMED, REOPENED are open; resolved as FIXED (or REMOVED) is paid, FALSE-POSITIVE
 *   is won't fix, WONTFIX / ACCEPTED is accepted (with a rationale saying so).
 */

const DURATION = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*min)?$/;

/** Minutes in a SonarQube duration (`2d 1h 5min`); null when the text is not one. */
export function sonarMinutes(text: string, hoursPerDay: number): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = DURATION.exec(trimmed);
  if (match === null) return null;
  const [, days, hours, minutes] = match;
  return Number(days ?? 0) * hoursPerDay * 60 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

const LIKELIHOOD_BY_TYPE: ReadonlyMap<string, Level> = new Map([
  ['BUG', 4],
  ['VULNERABILITY', 3],
  ['CODE_SMELL', 3],
  ['SECURITY_HOTSPOT', 2],
]);
const LIKELIHOOD_BY_QUALITY: ReadonlyMap<string, Level> = new Map([
  ['RELIABILITY', 4],
  ['SECURITY', 3],
  ['MAINTAINABILITY', 3],
]);

function impacts(issue: JsonObject): { quality: string; severity: string }[] {
  return (ownArray(issue, 'impacts') ?? []).flatMap((impact) => {
    if (!isObject(impact)) return [];
    const quality = ownString(impact, 'softwareQuality');
    const severity = ownString(impact, 'severity');
    return quality === undefined || severity === undefined ? [] : [{ quality, severity }];
  });
}

export function sonarImpact(issue: JsonObject, overrides: Readonly<Record<string, number>> | undefined): Level | null {
  const levels = withOverrides(SONAR_SEVERITY_LEVELS, overrides);
  const fromImpacts = impacts(issue).flatMap(({ severity }) => {
    const level = levelOf(severity, levels);
    return level === null ? [] : [level];
  });
  if (fromImpacts.length > 0) return Math.max(...fromImpacts) as Level; // the max of Levels is a Level
  const severity = ownString(issue, 'severity');
  return severity === undefined ? null : levelOf(severity, levels);
}

export function sonarLikelihood(issue: JsonObject): Level | null {
  const type = ownString(issue, 'type');
  if (type !== undefined) return LIKELIHOOD_BY_TYPE.get(type) ?? null;
  const byQuality = impacts(issue).flatMap(({ quality }) => {
    const level = LIKELIHOOD_BY_QUALITY.get(quality);
    return level === undefined ? [] : [level];
  });
  return byQuality.length === 0 ? null : (Math.max(...byQuality) as Level); // the max of Levels is a Level
}

export function sonarKind(issue: JsonObject): Kind {
  const type = ownString(issue, 'type');
  if (type === 'VULNERABILITY' || type === 'SECURITY_HOTSPOT') return 'security';
  return impacts(issue).some((i) => i.quality === 'SECURITY') && type === undefined ? 'security' : 'code';
}

const OPEN_STATUSES = new Set(['OPEN', 'CONFIRMED', 'REOPENED', 'IN_SANDBOX']);

/** Paydown's status for an issue (from `status`, or `issueStatus` alone in newer APIs), and for accepted ones why. */
export function sonarStatus(issue: JsonObject): { status: Status; resolution?: string } | null {
  const status = ownString(issue, 'status')?.toUpperCase();
  const resolution = ownString(issue, 'resolution')?.toUpperCase();
  const issueStatus = ownString(issue, 'issueStatus')?.toUpperCase();
  const current = status ?? issueStatus;
  if (current === undefined) return null;
  if (OPEN_STATUSES.has(current)) return { status: 'open' };
  const closedAs = resolution ?? issueStatus ?? current;
  if (issueStatus === 'ACCEPTED' || closedAs === 'WONTFIX' || closedAs === 'ACCEPTED') {
    return { status: 'accepted', resolution: closedAs };
  }
  if (closedAs === 'FALSE-POSITIVE' || closedAs === 'FALSE_POSITIVE') return { status: 'wont_fix' };
  if (closedAs === 'FIXED' || closedAs === 'REMOVED' || current === 'RESOLVED' || current === 'CLOSED') return { status: 'paid' };
  return null;
}
