import { useId, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CsvField, ImportFormat, ImportSummary } from '../../../shared/import/import-schema.js';
import { assignColumn, columnAssignments, FIELD_LABELS, MAPPABLE_FIELDS } from '../forms/import-mapping.js';
import { requestMappingOf, type ImportJobProgress, type ImportSource } from '../store/import-slice.js';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';
import { formatCount, formatItemCount } from './display-format.js';
import { ImportMappingStep } from './import-mapping-step.js';
import { pickedFileOf } from './picked-file.js';

const FORMAT_LABELS: Readonly<Record<Exclude<ImportFormat, 'auto'>, string>> = {
  csv: 'CSV (generic columns)',
  jira: 'Jira CSV export',
  github: 'GitHub issues (JSON)',
  sonarqube: 'SonarQube issues (JSON)',
};

/** How many problems the preview lists; the rest are counted. */
const SHOWN_ERRORS = 10;

function FilePicker() {
  const chooseImportFile = useApp((s) => s.chooseImportFile);
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file !== undefined) void chooseImportFile(pickedFileOf(file));
  };
  return (
    <div className="field">
      <label htmlFor={id}>File to import</label>
      <input id={id} className="import-file-input" type="file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" onChange={onChange} data-autofocus />
      <p className="field-hint">A CSV (generic, or a Jira export) or JSON (GitHub issues, SonarQube issues), up to 200 MB. You can also drop a file on the window.</p>
    </div>
  );
}

function FormatChoice({ source }: { source: ImportSource }) {
  const { format, setFormat } = useApp(useShallow((s) => ({ format: s.importFormat, setFormat: s.setImportFormat })));
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Format</label>
      <select
        id={id}
        className="select"
        value={format}
        onChange={(e) => {
          // The options below are exactly the ImportFormat values.
          setFormat(e.target.value as ImportFormat);
        }}
      >
        <option value="auto">Detected: {FORMAT_LABELS[source.detected]}</option>
        {Object.entries(FORMAT_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ColumnMapping({ source }: { source: ImportSource }) {
  const { columns, setColumns } = useApp(useShallow((s) => ({ columns: s.importColumns, setColumns: s.setImportColumns })));
  const assigned = columnAssignments(source.header, columns);
  return (
    <table className="import-mapping">
      <caption className="visually-hidden">Columns of {source.fileName} and the fields they fill</caption>
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">Paydown field</th>
        </tr>
      </thead>
      <tbody>
        {source.header.map((name, index) => (
          <tr key={`${String(index)}-${name}`}>
            <th scope="row">{name === '' ? `(column ${String(index + 1)})` : name}</th>
            <td>
              <select
                className="select select-compact"
                aria-label={`Field for column ${name}`}
                value={assigned[index] ?? ''}
                onChange={(e) => {
                  // The options are the CsvField values, plus '' for "ignore".
                  const field = e.target.value === '' ? null : (e.target.value as CsvField);
                  setColumns(assignColumn(source.header, columns, index, field));
                }}
              >
                <option value="">Ignore this column</option>
                {MAPPABLE_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {FIELD_LABELS[field]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SummaryCounts({ summary }: { summary: ImportSummary }) {
  const counts: [string, number][] = [
    ['New', summary.created],
    ['Updated', summary.updated],
    ['Unchanged', summary.unchanged],
    ['Skipped', summary.skipped],
    ['Errors', summary.errors.length],
  ];
  return (
    <dl className="import-counts">
      {counts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-count={label.toLowerCase()}>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function placeOf(issue: ImportSummary['errors'][number]): string {
  const parts = [
    issue.row === undefined ? '' : `Row ${String(issue.row)}`,
    issue.line === undefined ? '' : `line ${String(issue.line)}`,
    issue.path ?? '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'File' : parts.join(', ');
}

function SummaryDetails({ summary }: { summary: ImportSummary }) {
  const shown = summary.errors.slice(0, SHOWN_ERRORS);
  return (
    <>
      {shown.length === 0 ? null : (
        <div className="import-errors" role="alert">
          <p>{summary.errors.length === 1 ? 'One problem in the file:' : `${formatCount(summary.errors.length)} problems in the file:`}</p>
          <ul>
            {shown.map((issue, index) => (
              <li key={index}>
                <strong>{placeOf(issue)}:</strong> {issue.message}
              </li>
            ))}
          </ul>
          {summary.errors.length > shown.length ? <p>…and {formatCount(summary.errors.length - shown.length)} more.</p> : null}
        </div>
      )}
      {summary.notes.length === 0 ? null : (
        <ul className="import-notes">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Where each phase of a job sits on the one bar, by its share of the time: in a 100k-row import reading took
 * about 5%, mapping 10%, checking 5% and writing (or a preview's dry write) the other 80%.
 */
const PHASE_SPANS = { reading: [0, 5], mapping: [5, 15], checking: [15, 20], writing: [20, 100] } as const;
const PHASE_TEXT = { reading: 'Reading the file', mapping: 'Reading the rows', checking: 'Checking the rows', writing: 'Writing the items' } as const;

function jobPercent({ phase, done, total }: ImportJobProgress): number {
  const [from, to] = PHASE_SPANS[phase];
  const share = total === 0 ? 0 : Math.min(done, total) / total;
  return Math.floor(from + (to - from) * share);
}

/** A large file's preview or import, running as a job on the host: how far it got, and a way to stop it. */
function JobProgress() {
  const { progress, cancel } = useApp(useShallow((s) => ({ progress: s.importProgress, cancel: s.cancelImportJob })));
  if (progress === null) return null;
  const percent = jobPercent(progress);
  const what = progress.dryRun ? 'preview' : 'import';
  return (
    <div className="import-progress">
      <p className="import-progress-text">
        {PHASE_TEXT[progress.phase]}… {String(percent)}%
      </p>
      <progress max={100} value={percent} aria-label={`${progress.dryRun ? 'Preview' : 'Import'} progress`} aria-valuetext={`${String(percent)}%`}>
        {String(percent)}%
      </progress>
      <button type="button" className="button" onClick={() => void cancel()}>
        Cancel {what}
      </button>
    </div>
  );
}

function PreviewStep() {
  const { preview, busy, options, setOptions } = useApp(
    useShallow((s) => ({ preview: s.importPreview, busy: s.importBusy, options: s.importOptions, setOptions: s.setImportOptions })),
  );
  return (
    <div className="import-preview" aria-busy={busy}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.skipInvalid}
          onChange={(e) => void setOptions({ skipInvalid: e.target.checked })}
        />{' '}
        Import valid rows only (skip invalid)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.overwriteTeamFields}
          onChange={(e) => void setOptions({ overwriteTeamFields: e.target.checked })}
        />{' '}
        Overwrite team fields
      </label>
      {preview === null ? (
        <p className="dialog-text">{busy ? 'Checking the file…' : 'No preview yet.'}</p>
      ) : (
        <>
          <p className="dialog-text">This is what the import will do; nothing has been written yet.</p>
          <SummaryCounts summary={preview} />
          <SummaryDetails summary={preview} />
        </>
      )}
    </div>
  );
}

function resultHeadline(summary: ImportSummary): string {
  const written = summary.created + summary.updated;
  if (written === 0) return summary.errors.length > 0 ? 'Nothing was imported.' : 'Nothing changed: every item was already up to date.';
  return `${formatItemCount(written)} imported`;
}

function DoneStep({ summary }: { summary: ImportSummary }) {
  return (
    <div className="import-done">
      <p className="import-headline" role="status">
        {resultHeadline(summary)}
      </p>
      <SummaryCounts summary={summary} />
      <SummaryDetails summary={summary} />
    </div>
  );
}

function WizardActions() {
  const s = useApp(
    useShallow((st) => ({
      step: st.importStep,
      source: st.importSource,
      format: st.importFormat,
      preview: st.importPreview,
      busy: st.importBusy,
      close: st.closeImport,
      setStep: st.setImportStep,
      previewImport: st.previewImport,
      runImport: st.runImport,
      showImportedItems: st.showImportedItems,
      // Every source has a mapping step (levels at least); a mistake in it blocks the preview and the import.
      mappingValid: requestMappingOf(st) !== null,
    })),
  );
  const cancel = (
    <button type="button" className="button" onClick={s.close}>
      {s.step === 'done' ? 'Close' : 'Cancel'}
    </button>
  );
  switch (s.step) {
    case 'file':
      return (
        <div className="dialog-actions">
          {cancel}
          <button
            type="button"
            className="button button-primary"
            disabled={s.source === null}
            onClick={() => {
              s.setStep('mapping');
            }}
          >
            Next
          </button>
        </div>
      );
    case 'mapping':
      return (
        <div className="dialog-actions">
          {cancel}
          <button type="button" className="button" onClick={() => { s.setStep('file'); }}>
            Back
          </button>
          <button type="button" className="button button-primary" disabled={!s.mappingValid} onClick={() => void s.previewImport()}>
            Preview
          </button>
        </div>
      );
    case 'preview': {
      const writes = s.preview !== null && s.preview.created + s.preview.updated > 0;
      return (
        <div className="dialog-actions">
          {cancel}
          <button type="button" className="button" onClick={() => { s.setStep('mapping'); }}>
            Back
          </button>
          <button type="button" className="button button-primary" disabled={s.busy || !writes || !s.mappingValid} onClick={() => void s.runImport()}>
            Import
          </button>
        </div>
      );
    }
    case 'done':
      return (
        <div className="dialog-actions">
          {cancel}
          <button type="button" className="button button-primary" onClick={() => void s.showImportedItems()}>
            Show imported items
          </button>
        </div>
      );
  }
}

const STEP_TITLES = { file: '1. File', mapping: '2. Mapping', preview: '3. Preview', done: '4. Imported' } as const;

function WizardBody() {
  const { step, source, fileError, result, cancelled } = useApp(
    useShallow((s) => ({ step: s.importStep, source: s.importSource, fileError: s.importFileError, result: s.importResult, cancelled: s.importCancelled })),
  );
  return (
    <>
      <p className="import-step">{STEP_TITLES[step]}</p>
      {step === 'file' ? (
        <>
          <FilePicker />
          {fileError === null ? null : (
            <p className="form-alert" role="alert">
              {fileError}
            </p>
          )}
          {source === null ? null : (
            <>
              <p className="dialog-text">
                <strong>{source.fileName}</strong>
              </p>
              {source.note === undefined ? null : <p className="field-hint import-encoding-note">{source.note}</p>}
              <FormatChoice source={source} />
            </>
          )}
        </>
      ) : null}
      {step === 'mapping' && source !== null ? <ImportMappingStep source={source} columnTable={<ColumnMapping source={source} />} /> : null}
      {step === 'preview' ? <PreviewStep /> : null}
      {step === 'done' && result !== null ? <DoneStep summary={result} /> : null}
      <JobProgress />
      {cancelled === null ? null : (
        <p className="import-cancelled" role="status">
          {cancelled}
        </p>
      )}
      <WizardActions />
    </>
  );
}

export function ImportDialog() {
  const { open, close } = useApp(useShallow((s) => ({ open: s.importOpen, close: s.closeImport })));
  if (!open) return null;
  return (
    <Dialog title="Import debt items" onClose={close} size="wide">
      <WizardBody />
    </Dialog>
  );
}
