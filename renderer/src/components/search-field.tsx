import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_SEARCH_LENGTH } from '../store/list-query.js';
import { useApp } from '../store/use-app.js';

/** Long enough to finish a word, short enough to feel live; every keystroke would reload the table. */
const SEARCH_DEBOUNCE_MS = 250;

export function SearchField() {
  const { text, setTextFilter } = useApp(useShallow((s) => ({ text: s.filters.text, setTextFilter: s.setTextFilter })));
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  // "Clear filters" changes the store's text from outside; adopt it (React's pattern for derived state).
  if (text !== seen) {
    setSeen(text);
    setDraft(text);
  }

  useEffect(() => {
    if (draft === text) return undefined;
    const timer = setTimeout(() => {
      setTextFilter(draft);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, text, setTextFilter]);

  return (
    <div className="field field-search">
      <label htmlFor="filter-search">Search</label>
      <input
        id="filter-search"
        className="input"
        type="search"
        placeholder="Title, description, owner or area"
        maxLength={MAX_SEARCH_LENGTH}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
        }}
      />
    </div>
  );
}
