/** "-occurredAt" <-> "occurredAt": a column clicked again flips; a new column starts descending for numbers/time. */
export function nextSort(current: string, column: string, firstDescending = true): string {
  const desc = current.startsWith('-');
  const col = desc ? current.slice(1) : current;
  if (col === column) return desc ? column : `-${column}`;
  return firstDescending ? `-${column}` : column;
}

export function SortHeader({ column, label, sort, onSort, className, firstDescending = true }: {
  column: string;
  label: string;
  sort: string;
  onSort(sort: string): void;
  className?: string;
  firstDescending?: boolean;
}) {
  const desc = sort.startsWith('-');
  const active = (desc ? sort.slice(1) : sort) === column;
  return (
    <th scope="col" className={className} aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column, firstDescending))}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (desc ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
