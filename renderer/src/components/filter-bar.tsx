import { useShallow } from 'zustand/react/shallow';
import { KINDS } from '../../../shared/domain/debt-item.js';
import { hasActiveFilters } from '../store/list-query.js';
import { useApp } from '../store/use-app.js';
import { KIND_OPTIONS, oneOf, type Option } from './domain-labels.js';
import { SearchField } from './search-field.js';
import { StatusFilter } from './status-filter.js';

const NONE: readonly string[] = [];

/** The selected value stays listed even if no item uses it any more, so the select never lies. */
function optionsOf(values: readonly string[], selected: string): readonly Option[] {
  const all = selected === '' || values.includes(selected) ? values : [selected, ...values];
  return all.map((value) => ({ value, label: value }));
}

function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field field-filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="select"
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar() {
  const { filters, total, owners, tags, setKindFilter, setOwnerFilter, setTagFilter, clearFilters } = useApp(
    useShallow((s) => ({
      filters: s.filters,
      total: s.total,
      owners: s.portfolio?.owners ?? NONE,
      tags: s.portfolio?.tags ?? NONE,
      setKindFilter: s.setKindFilter,
      setOwnerFilter: s.setOwnerFilter,
      setTagFilter: s.setTagFilter,
      clearFilters: s.clearFilters,
    })),
  );
  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <SearchField />
        <FilterSelect
          id="filter-kind"
          label="Kind"
          allLabel="All kinds"
          value={filters.kind[0] ?? ''}
          options={KIND_OPTIONS}
          onChange={(value) => {
            const kind = oneOf(KINDS, value);
            setKindFilter(kind === undefined ? [] : [kind]);
          }}
        />
        <FilterSelect
          id="filter-owner"
          label="Owner"
          allLabel="All owners"
          value={filters.owner}
          options={optionsOf(owners, filters.owner)}
          onChange={setOwnerFilter}
        />
        <FilterSelect
          id="filter-tag"
          label="Tag"
          allLabel="All tags"
          value={filters.tag}
          options={optionsOf(tags, filters.tag)}
          onChange={setTagFilter}
        />
        {/* With nothing matching, the "no matches" panel offers the one Clear filters button. */}
        {hasActiveFilters(filters) && total > 0 ? (
          <button type="button" className="button button-quiet clear-filters" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
      <StatusFilter />
    </section>
  );
}
