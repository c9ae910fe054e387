import './RowActions.css';
/** Edit and Delete for one row of a log; `label` names the row for screen readers ('Edit online posting 09:00–09:30'). */
export function RowActions({ label, onEdit, onDelete }: { label: string; onEdit(): void; onDelete(): void }) {
  return (
    <span className="entry-actions">
      <button type="button" className="button small" aria-label={`Edit ${label}`} onClick={onEdit}>
        Edit
      </button>
      <button type="button" className="button small danger" aria-label={`Delete ${label}`} onClick={onDelete}>
        Delete
      </button>
    </span>
  );
}
