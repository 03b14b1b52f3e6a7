import type { DebtItem, Effort } from '../domain/debt-item.js';
import type { ScoreWeights } from './weights.js';

export const RISK_BANDS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const risk = (likelihood: number, impact: number): number => likelihood * impact;

/** Low 1–4, Medium 5–9, High 10–16, Critical 20–25 (17–19 are not products of two scores 1–5). */
export function riskBand(value: number): RiskBand {
  if (value >= 20) return 'Critical';
  if (value >= 10) return 'High';
  if (value >= 5) return 'Medium';
  return 'Low';
}

/** PERT: the three-point estimate's expected value and spread. */
export const expectedEffort = (e: Effort): number => (e.low + 4 * e.likely + e.high) / 6;
export const effortSpread = (e: Effort): number => (e.high - e.low) / 6;

export const carryingCost = (interest: number, horizonSprints: number): number => interest * horizonSprints;

/**
 * How many times fixing pays for itself within the horizon. Infinity means "no effort" (free to fix,
 * costs interest); 0 when the debt costs nothing to carry.
 */
export function roi(carrying: number, effort: number): number {
  if (carrying === 0) return 0;
  if (effort === 0) return Number.POSITIVE_INFINITY;
  return carrying / effort;
}

/** Sprints after which carrying the debt has cost more than fixing it; null means never (no interest). */
export function breakingPoint(effort: number, interest: number): number | null {
  return interest === 0 ? null : effort / interest;
}

const DAY_MS = 86_400_000;

/** Whole days between two YYYY-MM-DD dates; date-only strings parse as UTC, so time zones never shift a deadline. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** Where the item's due date falls in the horizon: 1 when due now or overdue, 0 beyond the horizon or undated. */
export function timeCriticality(dueDate: string | undefined, today: string, sprintLengthDays: number, horizonSprints: number): number {
  if (dueDate === undefined) return 0;
  const days = daysBetween(today, dueDate);
  const horizonDays = horizonSprints * sprintLengthDays;
  if (days <= 0) return 1;
  if (days >= horizonDays) return 0;
  return 1 - days / horizonDays;
}

export interface ScoreContext {
  readonly weights: ScoreWeights;
  readonly horizonSprints: number;
  readonly sprintLengthDays: number;
  /** Today as YYYY-MM-DD; a parameter so scores are reproducible. */
  readonly today: string;
  /** The portfolio's highest interest: interest is judged relative to it, so the unit never matters. */
  readonly maxInterest: number;
}

export interface Term {
  readonly key: keyof ScoreWeights;
  readonly label: string;
  /** The raw input, in its own unit (risk 1–25, interest per sprint, due date, outcome). */
  readonly input: string;
  readonly normalised: number;
  readonly weight: number;
  readonly contribution: number;
}

export interface ItemScores {
  readonly risk: number;
  readonly riskBand: RiskBand;
  readonly expectedEffort: number;
  readonly effortSpread: number;
  readonly carryingCost: number;
  readonly roi: number;
  readonly roiLow: number;
  readonly roiHigh: number;
  readonly breakingPoint: number | null;
  readonly costOfDelay: number;
  readonly priority: number;
}

/**
 * The normalised parts of the cost of delay, each 0–1. Kept apart from the explanation text so that
 * rescoring 100k items builds no strings.
 */
function normalisedTerms(item: DebtItem, ctx: ScoreContext): Record<keyof ScoreWeights, number> {
  return {
    risk: risk(item.likelihood, item.impact) / 25,
    interest: ctx.maxInterest > 0 ? Math.min(1, item.interest / ctx.maxInterest) : 0,
    timeCriticality: timeCriticality(item.dueDate, ctx.today, ctx.sprintLengthDays, ctx.horizonSprints),
    outcome: item.outcome === undefined ? 0 : 1,
  };
}

/** What scoring reads of an item: ranking a whole portfolio needs only these columns, not whole items. */
export type ScorableItem = Pick<DebtItem, 'likelihood' | 'impact' | 'effort' | 'interest' | 'dueDate' | 'outcome'>;

export function scoreItem(item: ScorableItem, ctx: ScoreContext): ItemScores {
  const r = risk(item.likelihood, item.impact);
  const expected = expectedEffort(item.effort);
  const carrying = carryingCost(item.interest, ctx.horizonSprints);
  const w = ctx.weights;
  // The same sum as normalisedTerms() spells out, inlined: this runs for every item on every weight change.
  const costOfDelay =
    (r / 25) * w.risk +
    (ctx.maxInterest > 0 ? Math.min(1, item.interest / ctx.maxInterest) : 0) * w.interest +
    timeCriticality(item.dueDate, ctx.today, ctx.sprintLengthDays, ctx.horizonSprints) * w.timeCriticality +
    (item.outcome === undefined ? 0 : 1) * w.outcome;
  let priority: number;
  if (costOfDelay === 0) priority = 0;
  else if (expected === 0) priority = Number.POSITIVE_INFINITY;
  else priority = costOfDelay / expected;
  return {
    risk: r,
    riskBand: riskBand(r),
    expectedEffort: expected,
    effortSpread: effortSpread(item.effort),
    carryingCost: carrying,
    roi: roi(carrying, expected),
    roiLow: roi(carrying, item.effort.high),
    roiHigh: roi(carrying, item.effort.low),
    breakingPoint: breakingPoint(expected, item.interest),
    costOfDelay,
    priority,
  };
}

/** Each part of the cost of delay with its input, weight and contribution: why the item ranks where it does. */
export function explainTerms(item: DebtItem, ctx: ScoreContext): Term[] {
  const n = normalisedTerms(item, ctx);
  const w = ctx.weights;
  const term = (key: keyof ScoreWeights, label: string, input: string): Term => ({
    key,
    label,
    input,
    normalised: n[key],
    weight: w[key],
    contribution: n[key] * w[key],
  });
  return [
    term('risk', 'Risk', `${String(risk(item.likelihood, item.impact))} of 25`),
    term('interest', 'Interest', `${String(item.interest)} per sprint (highest in portfolio ${String(ctx.maxInterest)})`),
    term('timeCriticality', 'Time criticality', item.dueDate === undefined ? 'no due date' : `due ${item.dueDate}`),
    term('outcome', 'Outcome impact', item.outcome ?? 'no outcome metric named'),
  ];
}
