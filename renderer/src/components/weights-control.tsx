import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ScoringSettings, WEIGHT_PRESETS, type ScoreWeights, type WeightPreset } from '../../../shared/scoring/weights.js';
import { useApp } from '../store/use-app.js';

const PRESET_KEYS = Object.keys(WEIGHT_PRESETS) as WeightPreset[]; // the keys of a literal object are exactly WeightPreset
const WEIGHT_FIELDS: readonly { key: keyof ScoreWeights; label: string }[] = [
  { key: 'risk', label: 'Risk' },
  { key: 'interest', label: 'Interest' },
  { key: 'timeCriticality', label: 'Time criticality' },
  { key: 'outcome', label: 'Outcome' },
];

function presetOf(weights: ScoreWeights): WeightPreset | 'custom' {
  const found = PRESET_KEYS.find((key) => WEIGHT_FIELDS.every(({ key: w }) => WEIGHT_PRESETS[key].weights[w] === weights[w]));
  return found ?? 'custom';
}

/** Presets, custom weights (0–10) and the horizon; every change rescores at once and is saved for the portfolio. */
export function WeightsControl() {
  const { scoring, setScoring, rescoring } = useApp(useShallow((s) => ({ scoring: s.scoring, setScoring: s.setScoring, rescoring: s.rescoring })));
  const [problem, setProblem] = useState<string | null>(null);
  if (scoring === null) return null;
  const apply = (next: unknown) => {
    const parsed = ScoringSettings.safeParse(next);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'These weights are not valid.');
      return;
    }
    setProblem(null);
    void setScoring(parsed.data);
  };
  const preset = presetOf(scoring.weights);
  return (
    <fieldset className="weights-control">
      <legend>Scoring weights</legend>
      <div className="field field-filter">
        <label htmlFor="weights-preset">Preset</label>
        <select
          id="weights-preset"
          className="select"
          value={preset}
          onChange={(e) => {
            const key = PRESET_KEYS.find((k) => k === e.target.value);
            if (key !== undefined) apply({ ...scoring, weights: WEIGHT_PRESETS[key].weights });
          }}
        >
          {PRESET_KEYS.map((key) => (
            <option key={key} value={key}>
              {WEIGHT_PRESETS[key].label}
            </option>
          ))}
          <option value="custom" disabled={preset !== 'custom'}>
            Custom
          </option>
        </select>
      </div>
      {WEIGHT_FIELDS.map(({ key, label }) => (
        <div className="field field-weight" key={key}>
          <label htmlFor={`weight-${key}`}>{label}</label>
          <input
            id={`weight-${key}`}
            className="input"
            type="number"
            min={0}
            max={10}
            step={0.5}
            value={scoring.weights[key]}
            onChange={(e) => {
              apply({ ...scoring, weights: { ...scoring.weights, [key]: e.target.valueAsNumber } });
            }}
          />
        </div>
      ))}
      <div className="field field-weight">
        <label htmlFor="weights-horizon">Horizon (sprints)</label>
        <input
          id="weights-horizon"
          className="input"
          type="number"
          min={1}
          max={104}
          step={1}
          value={scoring.horizonSprints}
          onChange={(e) => {
            apply({ ...scoring, horizonSprints: e.target.valueAsNumber });
          }}
        />
      </div>
      <p className="weights-status" role="status">
        {problem ?? (rescoring ? 'Rescoring…' : '')}
      </p>
    </fieldset>
  );
}
