import type { ReactNode } from 'react';
import type { Option } from './domain-labels.js';

/** What a form hands each input: its id, current text, message to show, and how to report a change. */
export interface FieldBinding {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

interface FieldProps extends FieldBinding {
  label: string;
  hint?: string | undefined;
  required?: boolean | undefined;
  className?: string | undefined;
}

const errorIdOf = (id: string): string => `${id}-error`;
const hintIdOf = (id: string): string => `${id}-hint`;

/** The ARIA wiring every control shares: hint and message are read after the label. */
function controlProps({ id, hint, error, required }: FieldProps) {
  const describedBy = [hint === undefined ? null : hintIdOf(id), error === undefined ? null : errorIdOf(id)]
    .filter((part) => part !== null)
    .join(' ');
  return {
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    'aria-required': required === true ? true : undefined,
  };
}

function FieldFrame({ props, children }: { props: FieldProps; children: ReactNode }) {
  const { id, label, hint, error, required, className } = props;
  return (
    <div className={['field', className, error === undefined ? null : 'field-invalid'].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required === true ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint === undefined ? null : (
        <p className="field-hint" id={hintIdOf(id)}>
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p className="field-error" id={errorIdOf(id)}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField(props: FieldProps & { type?: 'text' | 'date'; maxLength?: number; list?: string }) {
  return (
    <FieldFrame props={props}>
      <input
        {...controlProps(props)}
        className="input"
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength}
        list={props.list}
        autoComplete="off"
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </FieldFrame>
  );
}

export function NumberField(props: FieldProps & { min?: number; max?: number; step?: number | 'any' }) {
  return (
    <FieldFrame props={props}>
      <input
        {...controlProps(props)}
        className="input input-number"
        type="number"
        inputMode="decimal"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldFrame props={props}>
      <textarea
        {...controlProps(props)}
        className="input textarea"
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: readonly Option[]; emptyLabel?: string }) {
  return (
    <FieldFrame props={props}>
      <select
        {...controlProps(props)}
        className="select"
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      >
        {props.emptyLabel === undefined ? null : <option value="">{props.emptyLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Shown above a form when it cannot be saved: says why, so the user is never left guessing. */
export function FormAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-alert" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
