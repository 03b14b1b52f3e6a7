import { LIMITS } from '../../../shared/domain/debt-item.js';
import type { Unit } from '../../../shared/domain/settings.js';
import { CUSTOM_OUTCOME, type ItemField, type ItemFormValues } from '../forms/item-form-values.js';
import {
  KIND_OPTIONS,
  OUTCOME_OPTIONS,
  QUADRANT_OPTIONS,
  STATUS_OPTIONS,
  UNIT_LABELS,
} from './domain-labels.js';
import { NumberField, SelectField, TextAreaField, TextField, type FieldBinding } from './form-fields.js';

export type Bind = (field: ItemField) => FieldBinding;

const OWNER_LIST_ID = 'item-owner-suggestions';

const OUTCOME_CHOICES = [...OUTCOME_OPTIONS, { value: CUSTOM_OUTCOME, label: 'Custom…' }];

export function DescriptionSection({ bind, owners }: { bind: Bind; owners: readonly string[] }) {
  return (
    <fieldset className="form-section">
      <legend>What it is</legend>
      <TextField {...bind('title')} label="Title" required maxLength={LIMITS.title} className="span-2" />
      <TextAreaField
        {...bind('description')}
        label="Description"
        hint="Markdown is fine. What is the shortcut, and what does it cost the team?"
        rows={4}
        className="span-2"
      />
      <SelectField {...bind('kind')} label="Kind" options={KIND_OPTIONS} />
      <SelectField {...bind('quadrant')} label="Fowler quadrant" options={QUADRANT_OPTIONS} emptyLabel="Not set" />
      <TextField {...bind('area')} label="Area" hint="For example Checkout or Search." maxLength={LIMITS.shortText} />
      <TextField {...bind('owner')} label="Owner" maxLength={LIMITS.shortText} list={OWNER_LIST_ID} />
      <datalist id={OWNER_LIST_ID}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>
      <TextField {...bind('tags')} label="Tags" hint="Separate tags with commas." className="span-2" />
    </fieldset>
  );
}

export function CostSection({ bind, unit }: { bind: Bind; unit: Unit }) {
  const unitName = UNIT_LABELS[unit].toLowerCase();
  return (
    <fieldset className="form-section">
      <legend>Risk and cost</legend>
      <NumberField {...bind('likelihood')} label="Likelihood" hint="How likely it hurts: 1 rare, 5 almost certain." min={1} max={5} step={1} />
      <NumberField {...bind('impact')} label="Impact" hint="How much it hurts: 1 minor, 5 severe." min={1} max={5} step={1} />
      <div className="effort-group span-2">
        <NumberField {...bind('effortLow')} label="Low effort" min={0} />
        <NumberField {...bind('effortLikely')} label="Likely effort" min={0} />
        <NumberField {...bind('effortHigh')} label="High effort" min={0} />
        <p className="field-hint effort-hint">Effort to pay it down, in {unitName}: best case, most likely, worst case.</p>
      </div>
      <NumberField
        {...bind('interest')}
        label="Interest per sprint"
        hint={`Extra ${unitName} it costs every sprint it stays.`}
        min={0}
      />
    </fieldset>
  );
}

export function TrackingSection({ bind, values }: { bind: Bind; values: ItemFormValues }) {
  return (
    <fieldset className="form-section">
      <legend>Tracking</legend>
      <SelectField {...bind('status')} label="Status" options={STATUS_OPTIONS} />
      <TextField {...bind('dueDate')} label="Due date" type="date" />
      <SelectField {...bind('outcomeChoice')} label="Outcome metric" options={OUTCOME_CHOICES} emptyLabel="None" />
      {values.outcomeChoice === CUSTOM_OUTCOME ? (
        <TextField {...bind('outcomeCustom')} label="Custom outcome metric" required maxLength={LIMITS.shortText} />
      ) : null}
      {values.status === 'accepted' ? (
        <div className="acceptance span-2">
          <p className="acceptance-intro">Accepted debt is a decision: record why, who decided, and when to look again.</p>
          <TextAreaField
            {...bind('acceptanceRationale')}
            label="Acceptance rationale"
            required
            rows={3}
            maxLength={LIMITS.rationale}
            className="span-3"
          />
          <TextField {...bind('acceptanceOwner')} label="Accepted by" maxLength={LIMITS.shortText} />
          <TextField {...bind('acceptedOn')} label="Accepted on" type="date" />
          <TextField {...bind('reviewOn')} label="Review on" type="date" />
        </div>
      ) : null}
    </fieldset>
  );
}
