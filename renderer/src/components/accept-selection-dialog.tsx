import { useState, type SubmitEvent } from 'react';
import { LIMITS } from '../../../shared/domain/debt-item.js';
import { checkAcceptance, type AcceptanceErrors, type AcceptanceFormValues } from '../forms/acceptance-form.js';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';
import { formatItemCount } from './display-format.js';
import { TextAreaField, TextField } from './form-fields.js';


/** Accepts every selected item at once: one rationale, review date and (optionally) owner for them all. */
export function AcceptSelectionDialog({ count, onDone }: { count: number; onDone: () => void }) {
  const bulkUpdate = useApp((s) => s.bulkUpdate);
  const today = useApp((s) => s.today);
  const [values, setValues] = useState<AcceptanceFormValues>({ rationale: '', reviewOn: '', owner: '' });
  const [errors, setErrors] = useState<AcceptanceErrors>({});
  const [busy, setBusy] = useState(false);
  const bind = (field: keyof AcceptanceFormValues) => ({
    id: `accept-${field}`,
    value: values[field],
    error: errors[field],
    onChange: (value: string) => {
      setValues({ ...values, [field]: value });
    },
  });

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = checkAcceptance(values, today);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    // A refusal (a stale item, say) is reported by the store as a notice; the dialog stays open to try again.
    const outcome = await bulkUpdate({ status: 'accepted', acceptance: check.acceptance }, (n) => `Accepted ${n}.`);
    setBusy(false);
    if (outcome.status === 'saved') onDone();
  };

  return (
    <Dialog title={`Accept ${formatItemCount(count)}`} onClose={onDone}>
      <form
        className="dialog-form"
        noValidate
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        <p className="dialog-text">Accepted debt stays in the portfolio with the reason the team carries it, until its review date.</p>
        <TextAreaField {...bind('rationale')} label="Rationale" hint="Why the team accepts this debt" required maxLength={LIMITS.rationale} />
        <TextField {...bind('reviewOn')} label="Review date" type="date" required />
        <TextField {...bind('owner')} label="Acceptance owner" hint="Optional: who answers for this decision" maxLength={LIMITS.shortText} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Accept {formatItemCount(count)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
