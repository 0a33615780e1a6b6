interface Props {
  page: number;
  size: number;
  totalItems: number;
  onPage(page: number): void;
  onSize?(size: number): void;
  sizes?: number[];
  label: string;
}

export function pageCount(totalItems: number, size: number): number {
  return Math.max(1, Math.ceil(totalItems / size));
}

/** Previous/next paging with the position spelled out. */
export function Pager({ page, size, totalItems, onPage, onSize, sizes = [25, 50, 100], label }: Props) {
  const pages = pageCount(totalItems, size);
  const first = totalItems === 0 ? 0 : page * size + 1;
  const last = Math.min(totalItems, (page + 1) * size);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 0}>
        ‹ Previous
      </button>
      <span className="pager-pos" aria-live="polite">
        {first}–{last} of {totalItems} · page {page + 1} of {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
        Next ›
      </button>
      {onSize && (
        <label className="pager-size">
          Rows
          <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
