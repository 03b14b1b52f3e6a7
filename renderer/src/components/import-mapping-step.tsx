import { useEffect, useId, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { detectDelimiter } from '../../../shared/import/csv-records.js';
import type { SourceFormat } from '../../../shared/import/import-schema.js';
import {
  EMPTY_MAPPING_DRAFT,
  mappingSections,
  readMappingDraft,
  type DecimalChoice,
  type DelimiterChoice,
  type MappingDraft,
  type MappingErrors,
  type MappingSections,
} from '../forms/import-mapping.js';
import { effectiveFormat, type ImportSource } from '../store/import-slice.js';
import { useApp } from '../store/use-app.js';
import { formatCount, formatMoment } from './display-format.js';
import { oneOf, UNIT_LABELS } from './domain-labels.js';
import { SelectField, TextField } from './form-fields.js';
import { LevelsSection } from './import-levels-section.js';

/** The dry run waits this long after the last change, so typing "7.5" runs it once, not three times. */
const PREVIEW_DELAY_MS = 350;
const SHOWN_ERRORS = 3;
/** Above this size every dry run takes seconds, so it runs when asked rather than after each change. */
const AUTO_CHECK_CHARS = 20_000_000;

const DELIMITER_NAMES: Readonly<Record<Exclude<DelimiterChoice, ''>, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const DELIMITERS = [',', ';', '\t'] as const;
const DECIMAL_NAMES: Readonly<Record<Exclude<DecimalChoice, ''>, string>> = { '.': 'point (2.5)', ',': 'comma (2,5)' };
const DECIMALS = ['.', ','] as const;

interface SectionProps {
  source: ImportSource;
  draft: MappingDraft;
  errors: MappingErrors;
  setDraft: (draft: MappingDraft) => void;
}

function ReadingSection({ source, draft, setDraft }: SectionProps) {
  const id = useId();
  const newline = source.content.search(/\r?\n/);
  const detected = detectDelimiter(newline === -1 ? source.content : source.content.slice(0, newline));
  const delimiter = draft.delimiter === '' ? detected : draft.delimiter;
  // The parsers' default: a comma-separated file uses decimal points, any other decimal commas.
  const decimal = delimiter === ',' ? '.' : ',';
  return (
    <fieldset className="form-section">
      <legend>Reading the file</legend>
      <SelectField
        id={`${id}-delimiter`}
        label="Delimiter"
        value={draft.delimiter}
        error={undefined}
        emptyLabel={`Detect (found: ${DELIMITER_NAMES[detected]})`}
        options={DELIMITERS.map((d) => ({ value: d, label: DELIMITER_NAMES[d] }))}
        onChange={(value) => {
          setDraft({ ...draft, delimiter: oneOf(DELIMITERS, value) ?? '' });
        }}
      />
      <SelectField
        id={`${id}-decimal`}
        label="Decimal separator"
        value={draft.decimalSeparator}
        error={undefined}
        emptyLabel={`Detect (now: ${DECIMAL_NAMES[decimal]})`}
        options={DECIMALS.map((d) => ({ value: d, label: DECIMAL_NAMES[d] }))}
        onChange={(value) => {
          setDraft({ ...draft, decimalSeparator: oneOf(DECIMALS, value) ?? '' });
        }}
      />
    </fieldset>
  );
}

function EffortSection({ draft, errors, setDraft, sections }: SectionProps & { sections: MappingSections }) {
  const id = useId();
  const unit = useApp((s) => s.portfolio?.unit ?? 'points');
  if (!sections.hoursPerDay && !sections.hoursPerPoint) return null;
  return (
    <fieldset className="form-section">
      <legend>Effort conversion</legend>
      <p className="field-hint span-2">
        This portfolio measures effort in <strong>{UNIT_LABELS[unit].toLowerCase()}</strong>; estimates in other units are converted with these
        figures.
      </p>
      {sections.hoursPerDay ? (
        <TextField
          id={`${id}-day`}
          label="Hours per day"
          hint="Working hours in a day, for “2d” and day-based portfolios (default 8)."
          value={draft.hoursPerDay}
          error={errors.fields.hoursPerDay}
          onChange={(value) => {
            setDraft({ ...draft, hoursPerDay: value });
          }}
        />
      ) : null}
      {sections.hoursPerPoint ? (
        <TextField
          id={`${id}-point`}
          label="Hours per point"
          hint="Hours in one story point (default: hours per day)."
          value={draft.hoursPerPoint}
          error={errors.fields.hoursPerPoint}
          onChange={(value) => {
            setDraft({ ...draft, hoursPerPoint: value });
          }}
        />
      ) : null}
    </fieldset>
  );
}

function SourceSection({ draft, errors, setDraft, sections }: SectionProps & { sections: MappingSections }) {
  const id = useId();
  if (!sections.jiraBaseUrl && !sections.sonarBaseUrl && !sections.sonarGroupBy) return null;
  return (
    <fieldset className="form-section">
      <legend>{sections.jiraBaseUrl ? 'Jira' : 'SonarQube'}</legend>
      {sections.sonarGroupBy ? (
        <SelectField
          id={`${id}-group`}
          label="Items"
          hint="Grouping turns thousands of findings into one item per rule and file."
          value={draft.sonarGroupBy}
          error={undefined}
          options={[
            { value: 'issue', label: 'One item per issue' },
            { value: 'rule-component', label: 'One item per rule and file' },
          ]}
          onChange={(value) => {
            setDraft({ ...draft, sonarGroupBy: value === 'rule-component' ? 'rule-component' : 'issue' });
          }}
        />
      ) : null}
      {(['jiraBaseUrl', 'sonarBaseUrl'] as const).map((field) =>
        sections[field] ? (
          <TextField
            key={field}
            id={`${id}-${field}`}
            label={field === 'jiraBaseUrl' ? 'Jira site, for links' : 'SonarQube server, for links'}
            hint={field === 'jiraBaseUrl' ? 'e.g. https://acme.atlassian.net' : 'e.g. https://sonar.acme.example'}
            value={draft[field]}
            error={errors.fields[field]}
            maxLength={500}
            onChange={(value) => {
              setDraft({ ...draft, [field]: value });
            }}
          />
        ) : null,
      )}
    </fieldset>
  );
}

/** The dry run of the mapping as it stands, run again after every change. */
function MappingCheck({ valid, onDemand }: { valid: boolean; onDemand: boolean }) {
  const { preview, busy, refresh } = useApp(useShallow((s) => ({ preview: s.importPreview, busy: s.importBusy, refresh: s.refreshImportPreview })));
  let text: ReactNode;
  if (!valid) text = 'Correct the marked fields to see what the import would do.';
  else if (preview === null && busy) text = 'Checking the file with this mapping…';
  else if (preview === null) {
    text = onDemand ? (
      <button type="button" className="button button-small" onClick={() => void refresh()}>
        Check this mapping
      </button>
    ) : (
      'Not checked yet.'
    );
  }
  else {
    const counts = `${formatCount(preview.created)} new, ${formatCount(preview.updated)} updated, ${formatCount(preview.unchanged)} unchanged, ${formatCount(preview.skipped)} skipped`;
    const errors = preview.errors.length === 1 ? '1 error' : `${formatCount(preview.errors.length)} errors`;
    text = (
      <>
        With this mapping: <span data-check="counts">{counts}</span>, <span data-check="errors">{errors}</span>.
        {preview.errors.length === 0 ? null : (
          <ul>
            {preview.errors.slice(0, SHOWN_ERRORS).map((issue, index) => (
              <li key={index}>
                {issue.row === undefined ? '' : `Row ${String(issue.row)}: `}
                {issue.message}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <div className="import-mapping-check" aria-live="polite" aria-busy={busy} data-testid="mapping-check">
      {text}
    </div>
  );
}

function SavedNote({ savedAt, changed, reset }: { savedAt: string | null; changed: boolean; reset: () => void }) {
  return (
    <div className="import-saved-note">
      <p className="field-hint">
        {savedAt === null
          ? 'This mapping is saved for this source when you import, and offered again next time.'
          : `Using the mapping saved at your last import of this source (${formatMoment(savedAt)}).`}
      </p>
      {changed ? (
        <button type="button" className="button button-small" onClick={reset}>
          Reset to defaults
        </button>
      ) : null}
    </div>
  );
}

/** Step 2 of the wizard: the columns (CSV), then how the file is read, levels, effort conversion and links. */
export function ImportMappingStep({ source, columnTable }: { source: ImportSource; columnTable: ReactNode }) {
  const s = useApp(
    useShallow((st) => ({
      format: st.importFormat,
      draft: st.importMappingDraft,
      columns: st.importColumns,
      unit: st.portfolio?.unit ?? 'points',
      savedAt: st.importMappingSavedAt,
      setDraft: st.setImportMappingDraft,
      reset: st.resetImportMapping,
      refresh: st.refreshImportPreview,
    })),
  );
  const format: SourceFormat = effectiveFormat(s.format, source);
  const sections = mappingSections(format, s.unit);
  const { errors, valid } = readMappingDraft(s.draft, sections);
  const { refresh } = s;
  const onDemand = source.content.length > AUTO_CHECK_CHARS;

  useEffect(() => {
    if (!valid || onDemand) return undefined;
    const timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [s.draft, s.columns, format, valid, onDemand, refresh]);

  const props: SectionProps = { source, draft: s.draft, errors, setDraft: s.setDraft };
  return (
    <div className="import-mapping-step">
      <SavedNote
        savedAt={s.savedAt}
        changed={s.savedAt !== null || s.draft !== EMPTY_MAPPING_DRAFT || Object.keys(s.columns).length > 0}
        reset={s.reset}
      />
      {sections.reading ? <ReadingSection {...props} /> : null}
      {sections.columns ? (
        <fieldset className="form-section">
          <legend>Columns</legend>
          <div className="span-2">{columnTable}</div>
        </fieldset>
      ) : null}
      <LevelsSection {...props} format={format} />
      <EffortSection {...props} sections={sections} />
      <SourceSection {...props} sections={sections} />
      <MappingCheck valid={valid} onDemand={onDemand} />
    </div>
  );
}
