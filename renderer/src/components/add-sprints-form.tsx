import { useState, type SubmitEvent } from 'react';
import { reserveBandWarning } from '../../../shared/planning/sprint.js';
import { useApp } from '../store/use-app.js';
import { FormAlert, NumberField, TextAreaField, TextField } from './form-fields.js';
import { issueFor, parseAmount } from '../planning/form-numbers.js';
import type { FieldIssue } from '../../../shared/api/result.js';

const EMPTY = { startDate: '', count: '4', lengthDays: '14', capacity: '40', availabilityPct: '100', reservePct: '15', reason: '' };
type Values = typeof EMPTY;

/** Adds a run of sprints; with sprints already planned, a blank start date continues after the latest. */
export function AddSprintsForm({ hasSprints }: { hasSprints: boolean }) {
  const addSprints = useApp((s) => s.addSprints);
  const [values, setValues] = useState<Values>(EMPTY);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reserve = parseAmount(values.reservePct);
  const warning = reserve === undefined ? null : reserveBandWarning(reserve);

  const bind = (key: keyof Values, path: string = key) => ({
    id: `add-sprints-${key}`,
    value: values[key],
    error: issueFor(issues, path),
    onChange: (value: string) => {
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const count = parseAmount(values.count);
    const lengthDays = parseAmount(values.lengthDays);
    const capacity = parseAmount(values.capacity);
    const availabilityPct = parseAmount(values.availabilityPct);
    const reason = values.reason.trim();
    const outcome = await addSprints({
      count: count ?? 1,
      ...(values.startDate === '' ? {} : { startDate: values.startDate }),
      ...(lengthDays === undefined ? {} : { lengthDays }),
      ...(capacity === undefined ? {} : { capacity }),
      ...(availabilityPct === undefined ? {} : { availabilityPct }),
      ...(reserve === undefined ? {} : { reservePct: reserve }),
      ...(reason === '' || warning === null ? {} : { reserveReason: reason }),
    });
    setBusy(false);
    if (outcome.status === 'invalid') {
      setIssues(outcome.issues);
      setMessage(outcome.message);
      return;
    }
    setIssues([]);
    setMessage(null);
    if (outcome.status === 'saved') setValues((v) => ({ ...v, startDate: '', reason: '' }));
  };

  return (
    <form
      className="planning-form"
      noValidate
      aria-label="Add sprints"
      onSubmit={(e) => {
        void onSubmit(e);
      }}
    >
      <h2 className="planning-form-title">Add sprints</h2>
      {message === null ? null : <FormAlert messages={[message]} />}
      <div className="planning-form-fields">
        <TextField
          {...bind('startDate')}
          type="date"
          label="Start date"
          hint={hasSprints ? 'Blank: the day after the latest sprint ends.' : undefined}
          required={!hasSprints}
        />
        <NumberField {...bind('count')} label="Sprints" min={1} max={52} step={1} required />
        <NumberField {...bind('lengthDays')} label="Length (days)" min={1} max={90} step={1} />
        <NumberField {...bind('capacity')} label="Capacity" min={0} />
        <NumberField {...bind('availabilityPct')} label="Availability %" min={0} max={100} />
        <NumberField {...bind('reservePct')} label="Reserve %" min={0} max={100} />
      </div>
      {warning === null ? null : (
        <>
          <p className="planning-warning">{warning}</p>
          <TextAreaField {...bind('reason', 'reserveReason')} label="Why this reserve?" rows={2} maxLength={500} />
        </>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        Add sprints
      </button>
    </form>
  );
}
