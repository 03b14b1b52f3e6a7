import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SourceFormat } from '../../../shared/import/import-schema.js';
import { levelKey, withOverrides } from '../../../shared/import/level-scales.js';
import { removeLevelRow, setLevelWord, type MappingDraft, type MappingErrors } from '../forms/import-mapping.js';
import { baseLevelsFor, LEVEL_SOURCES, LEVELS, levelOverrides, levelRule, unmatchedLevelWords } from '../forms/level-words.js';
import type { ImportSource } from '../store/import-slice.js';
import { useApp } from '../store/use-app.js';
import type { Option } from './domain-labels.js';
import { SelectField, TextField } from './form-fields.js';

const LEVEL_NAMES = { 5: 'very high', 4: 'high', 3: 'medium', 2: 'low', 1: 'very low' } as const;
const LEVEL_OPTIONS: readonly Option[] = LEVELS.map((level) => ({ value: String(level), label: `${String(level)} – ${LEVEL_NAMES[level]}` }));
const DEFAULT_OPTIONS: readonly Option[] = LEVEL_OPTIONS.filter((o) => o.value !== '3');

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

interface Props {
  source: ImportSource;
  format: SourceFormat;
  draft: MappingDraft;
  errors: MappingErrors;
  setDraft: (draft: MappingDraft) => void;
}

/** The words in the file no rule matches, each with a level to choose (for CSV sources, read from the file itself). */
function UnmatchedWords({ source, format, draft, setDraft }: Omit<Props, 'errors'>) {
  const columns = useApp(useShallow((s) => s.importColumns));
  const levels = useMemo(() => withOverrides(baseLevelsFor(format), levelOverrides(draft.levels)), [format, draft.levels]);
  const found = useMemo(
    () => unmatchedLevelWords(source.content, format, draft.delimiter, columns, levels),
    [source.content, format, draft.delimiter, columns, levels],
  );
  const headingId = useId();
  // A word the user has a row for (even one still without a level) is edited there, not offered twice.
  const typed = new Set(draft.levels.map((row) => levelKey(row.word)));
  const words = found.words.filter((w) => !typed.has(levelKey(w.word)));
  if (words.length === 0) return null;
  return (
    <section className="import-unmatched" aria-labelledby={headingId}>
      <p id={headingId} className="import-unmatched-title">
        {words.length === 1 ? 'One word in the file matches no rule' : `${String(words.length)} words in the file match no rule`}
        {found.sampled ? ' (in the first part of the file)' : ''}; choose a level for each:
      </p>
      <ul className="import-unmatched-list">
        {words.map((w, index) => (
          <li key={w.word} data-unmatched-word={w.word}>
            <SelectField
              id={`${headingId}-${String(index)}`}
              label={`Level for “${w.word}”`}
              hint={`${w.columns.join(', ')}, ${w.rows === 1 ? '1 row' : `${String(w.rows)} rows`}`}
              value=""
              error={undefined}
              emptyLabel="Choose a level…"
              options={LEVEL_OPTIONS}
              onChange={(level) => {
                if (level !== '') setDraft(setLevelWord(draft, w.word, level));
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddWord({ draft, setDraft }: Pick<Props, 'draft' | 'setDraft'>) {
  const [word, setWord] = useState('');
  const [level, setLevel] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = useId();
  const add = () => {
    if (word.trim() === '') {
      setProblem('Type the word to add.');
    } else if (level === '') {
      setProblem(`Choose the level “${word.trim()}” stands for.`);
    } else {
      setDraft(setLevelWord(draft, word, level));
      setWord('');
      setLevel('');
      setProblem(undefined);
    }
  };
  return (
    <div className="import-add-word">
      <TextField id={`${id}-word`} label="Word to add" value={word} error={problem} maxLength={50} onChange={setWord} />
      <SelectField id={`${id}-level`} label="Its level" value={level} error={undefined} emptyLabel="Choose…" options={LEVEL_OPTIONS} onChange={setLevel} />
      <button type="button" className="button" onClick={add}>
        Add word
      </button>
    </div>
  );
}

/** The rule that turns words into 1–5 levels, as it stands with the user's words, and the means to change it. */
export function LevelsSection({ source, format, draft, errors, setDraft }: Props) {
  const id = useId();
  const rule = levelRule(baseLevelsFor(format), draft.levels);
  return (
    <fieldset className="form-section import-levels">
      <legend>Levels</legend>
      <p className="field-hint span-2">
        Words in {LEVEL_SOURCES[format]} become levels from 1 to 5 by this rule (numbers 1–5 are themselves; case, spaces and hyphens do not
        matter). To change a built-in word, add it with its new level.
      </p>
      <ul className="import-level-rule span-2" aria-label="Level rule in effect">
        {rule.map(({ level, words }) => (
          <li key={level} data-level={level}>
            <strong>{`${String(level)} (${LEVEL_NAMES[level]})`}</strong> ←{' '}
            {words.length === 0
              ? 'no words'
              : words.map((w, i) => (
                  <span key={w.word} className={w.own ? 'import-own-word' : undefined}>
                    {i > 0 ? ', ' : ''}
                    {capitalised(w.word)}
                  </span>
                ))}
          </li>
        ))}
      </ul>
      <div className="span-2">
        <UnmatchedWords source={source} format={format} draft={draft} setDraft={setDraft} />
      </div>
      {draft.levels.length === 0 ? null : (
        <table className="import-mapping import-own-words span-2">
          <caption>Your words</caption>
          <thead>
            <tr>
              <th scope="col">Word</th>
              <th scope="col">Level</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.levels.map((row, index) => {
              const error = errors.levels[index];
              const errorId = `${id}-row-${String(index)}-error`;
              return (
                <tr key={`${String(index)}-${row.word}`}>
                  <th scope="row">{row.word}</th>
                  <td>
                    <select
                      className="select select-compact"
                      aria-label={`Level for “${row.word}”`}
                      aria-invalid={error !== undefined}
                      aria-describedby={error === undefined ? undefined : errorId}
                      value={row.level}
                      onChange={(e) => {
                        setDraft(setLevelWord(draft, row.word, e.target.value));
                      }}
                    >
                      <option value="">Choose…</option>
                      {LEVEL_OPTIONS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    {error === undefined ? null : (
                      <p className="field-error" id={errorId}>
                        {error}
                      </p>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Remove “${row.word}”`}
                      onClick={() => {
                        setDraft(removeLevelRow(draft, index));
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="span-2">
        <AddWord draft={draft} setDraft={setDraft} />
      </div>
      <SelectField
        id={`${id}-likelihood`}
        label="Likelihood when the file gives none"
        value={draft.defaultLikelihood}
        error={errors.fields.defaultLikelihood}
        emptyLabel="3 – medium (default)"
        options={DEFAULT_OPTIONS}
        onChange={(value) => {
          setDraft({ ...draft, defaultLikelihood: value });
        }}
      />
      <SelectField
        id={`${id}-impact`}
        label="Impact when the file gives none"
        value={draft.defaultImpact}
        error={errors.fields.defaultImpact}
        emptyLabel="3 – medium (default)"
        options={DEFAULT_OPTIONS}
        onChange={(value) => {
          setDraft({ ...draft, defaultImpact: value });
        }}
      />
    </fieldset>
  );
}
