import { useState, type SubmitEvent } from 'react';
import type { StoredSprint } from '../../../shared/api/planning-contract.js';
import type { FieldIssue } from '../../../shared/api/result.js';
import { issueFor, parseAmount } from '../planning/form-numbers.js';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';
import { FormAlert, NumberField } from './form-fields.js';

interface CloseSprintDialogProps {
  sprint: StoredSprint;
  /** The items the plan put in this sprint, offered as the ones that may have been paid. */
  items: readonly { id: string; title: string }[];
  onDone: () => void;
}

/** Records what really happened in a sprint: its actuals feed the erosion report and the forecast. */
export function CloseSprintDialog({ sprint, items, onDone }: CloseSprintDialogProps) {
  const closeSprint = useApp((s) => s.closeSprint);
  const [completed, setCompleted] = useState('');
  const [debtSpent, setDebtSpent] = useState('');
  const [paid, setPaid] = useState<ReadonlySet<string>>(new Set());
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const done = parseAmount(completed);
    const debt = parseAmount(debtSpent);
    if (done === undefined || debt === undefined) {
      setIssues([
        ...(done === undefined ? [{ path: 'completed', message: 'Enter the work completed in the sprint.' }] : []),
        ...(debt === undefined ? [{ path: 'debtSpent', message: 'Enter the part of it spent on debt.' }] : []),
      ]);
      return;
    }
    setBusy(true);
    const outcome = await closeSprint({ name: sprint.name, completed: done, debtSpent: debt, paidItemIds: [...paid] });
    setBusy(false);
    if (outcome.status === 'saved') {
      onDone();
      return;
    }
    if (outcome.status === 'invalid') {
      setIssues(outcome.issues);
      setMessage(outcome.message);
    }
  };

  return (
    <Dialog title={`Close ${sprint.name}`} onClose={onDone}>
      <form
        className="dialog-form"
        noValidate
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        {message === null ? null : <FormAlert messages={[message]} />}
        <NumberField id="close-completed" label="Completed work" value={completed} min={0} required error={issueFor(issues, 'completed')} onChange={setCompleted} />
        <NumberField id="close-debt" label="Debt spent" value={debtSpent} min={0} required error={issueFor(issues, 'debtSpent')} onChange={setDebtSpent} />
        {items.length === 0 ? null : (
          <fieldset className="close-paid">
            <legend>Paid items</legend>
            {items.map((item) => (
              <label key={item.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={paid.has(item.id)}
                  onChange={(e) => {
                    const next = new Set(paid);
                    if (e.target.checked) next.add(item.id);
                    else next.delete(item.id);
                    setPaid(next);
                  }}
                />
                {item.title}
              </label>
            ))}
          </fieldset>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Close sprint
          </button>
        </div>
      </form>
    </Dialog>
  );
}
