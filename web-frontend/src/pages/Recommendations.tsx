import { useMemo, useState } from 'react';
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

type Weather = Recs['weather'][number];
type Promotion = Recs['promotions'][number];
/** A pricing suggestion with its place in the service's list, which keys its "apply" feedback. */
type Pricing = Recs['pricing'][number] & { index: number };

export interface LocationGroup {
  locationId: string;
  weather: Weather[];
  promotions: Promotion[];
  pricing: Pricing[];
}

/** Everything the service suggests, one group per location: catalog order first, unknown locations after by id. */
export function groupByLocation(recs: Recs, catalogOrder: string[]): LocationGroup[] {
  const groups = new Map<string, LocationGroup>();
  const group = (locationId: string) => {
    let g = groups.get(locationId);
    if (!g) {
      g = { locationId, weather: [], promotions: [], pricing: [] };
      groups.set(locationId, g);
    }
    return g;
  };
  recs.weather.forEach((w) => group(w.locationId).weather.push(w));
  recs.promotions.forEach((p) => group(p.locationId).promotions.push(p));
  recs.pricing.forEach((p, index) => group(p.locationId).pricing.push({ ...p, index }));
  const rank = (id: string) => {
    const i = catalogOrder.indexOf(id);
    return i < 0 ? catalogOrder.length : i;
  };
  return [...groups.values()].sort((a, b) => rank(a.locationId) - rank(b.locationId) || a.locationId.localeCompare(b.locationId));
}

const ALL = 'all';

function RecommendationsBody({ recs }: { recs: Recs }) {
  const api = useApi();
  const catalog = useCatalog();
  const canApply = useCan('applyPrice');
  const [applied, setApplied] = useState<Record<string, string>>({});
  const groups = useMemo(() => groupByLocation(recs, catalog.locations.map((l) => l.id)), [recs, catalog.locations]);
  // Every product x location at once is thousands of items: start with the first store, "all" is one choice away.
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? groups[0]?.locationId ?? ALL;
  const shown = selected === ALL ? groups : groups.filter((g) => g.locationId === selected);

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
                <WeatherText w={w} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {groups.length > 0 && (
        <div className="card rec-filter">
          <div className="field">
            <label htmlFor="rec-location">Suggestions for</label>
            <select id="rec-location" value={selected} onChange={(e) => setChosen(e.target.value)} data-testid="rec-location">
              <option value={ALL}>All locations ({groups.length})</option>
              {groups.map((g) => (
                <option key={g.locationId} value={g.locationId}>
                  {catalog.locationName(g.locationId)} ({g.promotions.length + g.pricing.length})
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {groups.length === 0 && <p className="empty">No promotion or pricing suggestions.</p>}
      {shown.map((g) => (
        <section key={g.locationId} className="card rec-location" aria-labelledby={`h-rec-${g.locationId}`} data-testid="rec-location-group" data-location={g.locationId}>
          <div className="card-head">
            <h2 id={`h-rec-${g.locationId}`}>{catalog.locationName(g.locationId)}</h2>
            {g.weather[0] && (
              <span className="hint" data-testid="rec-weather">
                {weatherLine(g.weather[0])}
              </span>
            )}
          </div>
          <h3>Promotion suggestions</h3>
          {g.promotions.length === 0 ? (
            <p className="empty">No promotion suggestions.</p>
          ) : (
            <ul className="rec-list">
              {g.promotions.map((p, i) => (
                <li key={i} className="rec-item">
                  <div className="rec-head">
                    <strong>{p.action}</strong> {catalog.productName(p.productId)}
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
          <h3>Pricing suggestions</h3>
          {g.pricing.length === 0 ? (
            <p className="empty">No pricing suggestions.</p>
          ) : (
            <ul className="rec-list">
              {g.pricing.map((p) => {
                const key = `${p.productId}@${p.locationId}#${p.index}`;
                return (
                  <li key={key} className="rec-item">
                    <div className="rec-head">
                      <strong>{catalog.productName(p.productId)}</strong>
                      <SourceChip source={p.source ?? recs.source} />
                    </div>
                    <p>
                      {formatMoney(p.currentPrice)} → <strong>{formatMoney(p.suggestedPrice)}</strong> ({p.changePct > 0 ? '+' : ''}
                      {p.changePct}%)
                    </p>
                    <p>{p.reason}</p>
                    {canApply && (
                      <div className="actions">
                        <button
                          type="button"
                          className="primary small"
                          aria-label={`Apply price ${formatMoney(p.suggestedPrice)} to ${catalog.productName(p.productId)} at ${catalog.locationName(p.locationId)}`}
                          onClick={() => applyPrice(p.id, p.productId, p.suggestedPrice, key)}
                        >
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
      ))}
    </>
  );
}

function WeatherText({ w }: { w: Weather }) {
  return (
    <>
      <span>{w.summary ?? w.condition?.toLowerCase() ?? ''}</span>
      {w.temperatureC !== undefined && <span>{w.temperatureC} °C</span>}
      {w.precipitationMm !== undefined && <span>{w.precipitationMm} mm rain</span>}
    </>
  );
}

/** The same weather in one line, for the head of a location's suggestions. */
function weatherLine(w: Weather): string {
  return [
    w.summary ?? w.condition?.toLowerCase(),
    w.temperatureC !== undefined ? `${w.temperatureC} °C` : undefined,
    w.precipitationMm !== undefined ? `${w.precipitationMm} mm rain` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
