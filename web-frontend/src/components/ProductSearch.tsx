import { useEffect, useId, useRef, useState } from 'react';
import type { Product } from '../api/types';
import { useApi } from '../auth/AuthContext';
import { classifyCode } from '../lib/gtin';
import { formatMoney } from '../lib/format';

interface Props {
  onPick(product: Product): void;
  label?: string;
}

/**
 * Product search by name, SKU or GTIN (ARIA combobox: arrows move, Enter picks, Escape closes). Names and SKUs go
 * to GET /api/products?q=; a run of 8–14 digits is looked up as a GTIN first.
 */
export function ProductSearch({ onPick, label = 'Find product (name, SKU or GTIN)' }: Props) {
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Product[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults([]);
      setStatus('');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const found: Product[] = [];
        if (classifyCode(q).kind === 'gtin') {
          try {
            found.push(await api.productByGtin(q));
          } catch {
            /* not a known GTIN: fall back to the text search */
          }
        }
        const page = await api.products({ q, size: 8, active: true }, controller.signal);
        for (const p of page.items) if (!found.some((f) => f.id === p.id)) found.push(p);
        if (controller.signal.aborted) return;
        setResults(found);
        setActive(0);
        setOpen(true);
        setStatus(found.length ? `${found.length} product${found.length === 1 ? '' : 's'} found` : 'No product found');
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setStatus(`Search failed: ${(e as Error).message}`);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, api]);

  const pick = (p: Product) => {
    onPick(p);
    setQuery('');
    setResults([]);
    setOpen(false);
    input.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && results[active]) {
        e.preventDefault();
        pick(results[active]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => results.length && setOpen(true)}
        placeholder="e.g. cola, SKU-COLA-330, 4012345610017"
        data-testid="product-search"
      />
      <ul id={listId} role="listbox" className="options" hidden={!open || results.length === 0} aria-label="Products">
        {results.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            <span className="opt-name">{p.name}</span>
            <span className="opt-meta">
              {p.sku} · {formatMoney(p.unitPrice, p.currency)}
            </span>
          </li>
        ))}
      </ul>
      <span className="sr-only" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
