import type { MouseEvent } from 'react';
import type { DebtItem } from '../../../shared/domain/debt-item.js';
import { effortNotEstimated } from '../../../shared/domain/effort-estimate.js';
import { formatAmount, formatDay, formatEffort, formatMoment, isOverdue, riskLevel, riskScore } from './display-format.js';
import { KIND_LABELS, STATUS_LABELS } from './domain-labels.js';

interface ItemRowProps {
  item: DebtItem;
  today: string;
  onEdit: (item: DebtItem) => void;
  onDelete: (item: DebtItem) => void;
}

/** Buttons inside the row must not also trigger the row's own click (which opens the editor). */
const only = (action: () => void) => (event: MouseEvent) => {
  event.stopPropagation();
  action();
};

export function ItemRow({ item, today, onEdit, onDelete }: ItemRowProps) {
  const score = riskScore(item);
  const overdue = isOverdue(item, today);
  return (
    <tr
      className="item-row"
      data-item-id={item.id}
      onClick={() => {
        onEdit(item);
      }}
    >
      <td className="cell-title">
        <span className="item-title">{item.title}</span>
        {item.area !== '' || item.tags.length > 0 ? (
          <span className="item-meta">
            {item.area}
            {item.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        ) : null}
      </td>
      <td>{KIND_LABELS[item.kind]}</td>
      <td>
        <span className={`status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      </td>
      <td>{item.owner === '' ? <span className="muted">Unassigned</span> : item.owner}</td>
      <td className="numeric" title={`Likelihood ${String(item.likelihood)} × impact ${String(item.impact)}`}>
        <span className={`risk risk-${riskLevel(score)}`}>{score}</span>
        <span className="risk-factors">
          {item.likelihood}×{item.impact}
        </span>
      </td>
      <td className="numeric">
        {effortNotEstimated(item) ? (
          <span className="muted" title="Imported without an estimate: enter one to plan this item.">
            not estimated
          </span>
        ) : (
          formatEffort(item.effort)
        )}
      </td>
      <td className="numeric">{formatAmount(item.interest)}</td>
      <td className={overdue ? 'due overdue' : 'due'}>
        {item.dueDate === undefined ? (
          <span className="muted">—</span>
        ) : (
          <time dateTime={item.dueDate}>{formatDay(item.dueDate)}</time>
        )}
        {overdue ? <span className="overdue-mark"> overdue</span> : null}
      </td>
      <td>
        <time dateTime={item.updatedAt}>{formatMoment(item.updatedAt)}</time>
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className="button button-small"
          onClick={only(() => {
            onEdit(item);
          })}
        >
          Edit<span className="visually-hidden"> “{item.title}”</span>
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          onClick={only(() => {
            onDelete(item);
          })}
        >
          Delete<span className="visually-hidden"> “{item.title}”</span>
        </button>
      </td>
    </tr>
  );
}
