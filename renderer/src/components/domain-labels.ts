import type { FowlerQuadrant, Kind, Status } from '../../../shared/domain/debt-item.js';
import { FOWLER_QUADRANTS, KINDS, OUTCOME_METRICS, STATUSES } from '../../../shared/domain/debt-item.js';
import { UNITS, type Unit } from '../../../shared/domain/settings.js';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  paid: 'Paid',
  accepted: 'Accepted',
  wont_fix: 'Won’t fix',
};

export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  architecture: 'Architecture',
  code: 'Code',
  test: 'Test',
  infrastructure: 'Infrastructure',
  dependency: 'Dependency',
  documentation: 'Documentation',
  security: 'Security',
  process: 'Process',
  other: 'Other',
};

const QUADRANT_LABELS: Readonly<Record<FowlerQuadrant, string>> = {
  'deliberate-prudent': 'Deliberate and prudent',
  'deliberate-reckless': 'Deliberate and reckless',
  'inadvertent-prudent': 'Inadvertent and prudent',
  'inadvertent-reckless': 'Inadvertent and reckless',
};

const OUTCOME_LABELS: Readonly<Record<(typeof OUTCOME_METRICS)[number], string>> = {
  lead_time: 'Lead time',
  deployment_frequency: 'Deployment frequency',
  change_failure_rate: 'Change failure rate',
  time_to_restore: 'Time to restore service',
  incidents: 'Incidents',
};

export const UNIT_LABELS: Readonly<Record<Unit, string>> = { points: 'Story points', hours: 'Hours', days: 'Days' };

export interface Option {
  readonly value: string;
  readonly label: string;
}

export const STATUS_OPTIONS: readonly Option[] = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const KIND_OPTIONS: readonly Option[] = KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));
export const QUADRANT_OPTIONS: readonly Option[] = FOWLER_QUADRANTS.map((q) => ({ value: q, label: QUADRANT_LABELS[q] }));
export const OUTCOME_OPTIONS: readonly Option[] = OUTCOME_METRICS.map((m) => ({ value: m, label: OUTCOME_LABELS[m] }));
export const UNIT_OPTIONS: readonly Option[] = UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }));

/** The member of `options` equal to `value`: narrows a DOM string to a domain type without a cast. */
export function oneOf<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((option) => option === value);
}
