import { useState } from 'react';
import { ApiError } from '../api/http';
import type { Recommendations as Recs } from '../api/types';
import { useApi, useCan } from '../auth/AuthContext';
import { useCatalog } from '../components/Catalog';
import { useAsync } from '../components/useAsync';
import { formatDateTime, formatMoney } from '../lib/format';
import { toCents } from '../lib/money';

/** recommendation-service is not built yet: the gateway answers 404/502/503/504 for it. */
export function isUnavailable(error: Error | undefined): boolean {
  return error instanceof ApiError && [0, 404, 501, 502, 503, 504].includes(error.status);
}

export function Recommendations() {
  const api = useApi();
  const result = useAsync(() => api.recommendations(), []);
  return (
    <div className="page recommendations">
      <header className="page-header">
        <h1>Recommendations</h1>
        {result.data && (
          <p className="hint" data-testid="recommendations-loaded">
            Generated {formatDateTime(result.data.generatedAt)} · source {result.data.source}
          </p>
        )}
      </header>
      {result.loading && !result.data && <p className="loading">Loading…</p>}
      {result.error &&
        (isUnavailable(result.error) ? (
          <div className="card notice" data-testid="recommendations-unavailable">
            <h2>Recommendations are not available yet</h2>
            <p>
              The recommendation service (weather per location, promotion and pricing suggestions) is not running on this
              platform yet. This page fills in as soon as it answers.
            </p>
            <button type="button" className="secondary" onClick={result.reload}>
              Check again
            </button>
          </div>
        ) : (
          <p className="error" role="alert">
            Recommendations could not be loaded: {result.error.message}
          </p>
        ))}
      {result.data && <RecommendationsBody recs={result.data} />}
    </div>
  );
}

function SourceChip({ source }: { source?: string }) {
  if (!source) return null;
  const llm = /llm|ai|model/i.test(source);
  return <span className={`chip ${llm ? 'chip-llm' : 'chip-rules'}`}>{llm ? `LLM (${source})` : source}</span>;
}

function RecommendationsBody({ recs }: { recs: Recs }) {
  const api = useApi();
  const catalog = useCatalog();
  const canApply = useCan('applyPrice');
  const [applied, setApplied] = useState<Record<string, string>>({});

  const applyPrice = async (suggestionId: string | undefined, productId: string, price: number | string, key: string) => {
    try {
      const product = await api.product(productId);
      if (suggestionId) {
        await api.applyPriceSuggestion(suggestionId);
      } else {
        // A suggestion without an id (an older service): change only the price on the product.
        await api.updateProduct({ ...product, unitPrice: toCents(price) / 100 });
      }
      setApplied((a) => ({ ...a, [key]: `Applied: now ${formatMoney(price, product.currency)}` }));
      catalog.reload();
    } catch (e) {
      setApplied((a) => ({ ...a, [key]: `Failed: ${(e as Error).message}` }));
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="h-weather">
        <h2 id="h-weather">Weather per location</h2>
        {recs.weather.length === 0 ? (
          <p className="empty">No weather data.</p>
        ) : (
          <ul className="weather-grid">
            {recs.weather.map((w, i) => (
              <li key={`${w.locationId}-${i}`} className="weather-card">
                <strong>{catalog.locationName(w.locationId)}</strong>
                <span>{w.summary ?? w.condition?.toLowerCase() ?? ''}</span>
                {w.temperatureC !== undefined && <span>{w.temperatureC} °C</span>}
                {w.precipitationMm !== undefined && <span>{w.precipitationMm} mm rain</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="h-promos">
        <h2 id="h-promos">Promotion suggestions</h2>
        {recs.promotions.length === 0 ? (
          <p className="empty">No promotion suggestions.</p>
        ) : (
          <ul className="rec-list">
            {recs.promotions.map((p, i) => (
              <li key={i} className="rec-item">
                <div className="rec-head">
                  <strong>{p.action}</strong> {catalog.productName(p.productId)} @ {catalog.locationName(p.locationId)}
                  <SourceChip source={p.source ?? recs.source} />
                </div>
                <p>{p.reason}</p>
                <p className="hint">
                  {p.expectedImpact !== undefined && p.expectedImpact !== null && <>Expected impact: {String(p.expectedImpact)} · </>}
                  {p.confidence !== undefined && p.confidence !== null && <>Confidence: {Math.round(Number(p.confidence) * 100)}%</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="h-pricing">
        <h2 id="h-pricing">Pricing suggestions</h2>
        {recs.pricing.length === 0 ? (
          <p className="empty">No pricing suggestions.</p>
        ) : (
          <ul className="rec-list">
            {recs.pricing.map((p, i) => {
              const key = `${p.productId}@${p.locationId}#${i}`;
              return (
                <li key={key} className="rec-item">
                  <div className="rec-head">
                    <strong>{catalog.productName(p.productId)}</strong> @ {catalog.locationName(p.locationId)}
                    <SourceChip source={p.source ?? recs.source} />
                  </div>
                  <p>
                    {formatMoney(p.currentPrice)} → <strong>{formatMoney(p.suggestedPrice)}</strong> ({p.changePct > 0 ? '+' : ''}
                    {p.changePct}%)
                  </p>
                  <p>{p.reason}</p>
                  {canApply && (
                    <div className="actions">
                      <button type="button" className="primary small" onClick={() => applyPrice(p.id, p.productId, p.suggestedPrice, key)}>
                        Apply price
                      </button>
                      {applied[key] && <span role="status">{applied[key]}</span>}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
