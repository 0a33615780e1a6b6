import { useEffect, useMemo, useRef, useState } from 'react';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
// Shipped with the app (no tile server, no CDN): Natural Earth 1:50m countries from world-atlas, fetched on demand.
import worldUrl from 'world-atlas/countries-50m.json?url';
import type { Breakdown, Location } from '../api/types';
import { formatMoney } from '../lib/format';
import { toCents } from '../lib/money';
import { PALETTE } from './ChartCanvas';

/** Map height for a width: wide enough for Europe, never taller than a phone can show next to the list. */
export const mapHeight = (width: number) => Math.round(Math.min(460, Math.max(240, width * 0.68)));

let worldPromise: Promise<FeatureCollection<Geometry>> | null = null;
function loadWorld(): Promise<FeatureCollection<Geometry>> {
  worldPromise ??= fetch(worldUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`map geometry: ${r.status}`);
      return r.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection<Geometry>)
    .catch((e) => {
      worldPromise = null;
      throw e;
    });
  return worldPromise;
}

export interface MapPoint {
  id: string;
  name: string;
  region: string;
  lon: number;
  lat: number;
  revenueCents: number;
  orders: number;
}

/** Locations with coordinates, joined with today's revenue per location. */
export function mapPoints(locations: Location[], byLocation: Breakdown[]): MapPoint[] {
  const sales = new Map(byLocation.map((b) => [b.key, b]));
  return locations
    .filter((l) => l.latitude !== null && l.longitude !== null)
    .map((l) => ({
      id: l.id,
      name: l.name,
      region: l.region,
      lon: l.longitude!,
      lat: l.latitude!,
      revenueCents: toCents(sales.get(l.id)?.revenue ?? '0'),
      orders: sales.get(l.id)?.orders ?? 0,
    }));
}

/** Circle radius: area proportional to revenue, so a store with twice the sales has twice the ink. */
export function radius(revenueCents: number, maxCents: number, maxRadius = 28, minRadius = 4): number {
  if (maxCents <= 0 || revenueCents <= 0) return minRadius;
  return Math.max(minRadius, Math.sqrt(revenueCents / maxCents) * maxRadius);
}

export interface LabelInput {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
}

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Puts each label right, left, below or above its circle, whichever first does not collide with a label placed
 * before it (biggest circles first), so that nearby stores (Manchester and the Leeds fulfilment centre) stay legible.
 */
export function placeLabels(items: LabelInput[], charWidth = 7, lineHeight = 13): Record<string, PlacedLabel> {
  const placed: Box[] = [];
  const out: Record<string, PlacedLabel> = {};
  for (const it of items) {
    const w = it.text.length * charWidth;
    const candidates: Array<PlacedLabel & { box: Box }> = [
      { x: it.x + it.r + 3, y: it.y + 4, anchor: 'start', box: [it.x + it.r + 3, it.y - 9, it.x + it.r + 3 + w, it.y + 4] },
      { x: it.x - it.r - 3, y: it.y + 4, anchor: 'end', box: [it.x - it.r - 3 - w, it.y - 9, it.x - it.r - 3, it.y + 4] },
      { x: it.x, y: it.y + it.r + lineHeight, anchor: 'middle', box: [it.x - w / 2, it.y + it.r + 1, it.x + w / 2, it.y + it.r + lineHeight] },
      { x: it.x, y: it.y - it.r - 4, anchor: 'middle', box: [it.x - w / 2, it.y - it.r - lineHeight - 1, it.x + w / 2, it.y - it.r - 4] },
    ];
    const choice = candidates.find((c) => !placed.some((p) => overlaps(p, c.box))) ?? candidates[0];
    placed.push(choice.box);
    out[it.id] = { x: choice.x, y: choice.y, anchor: choice.anchor };
  }
  return out;
}

/** The short name shown on the map: the city of a store, a short word for the rest. */
export const shortName = (name: string) => (/fulfil/i.test(name) ? 'Online' : name.split(' ')[0]);

interface Props {
  locations: Location[];
  byLocation: Breakdown[];
  byRegion: Breakdown[];
  currency: string;
}

export function StoreMap({ locations, byLocation, byRegion, currency }: Props) {
  const [world, setWorld] = useState<FeatureCollection<Geometry> | null>(null);
  const [failed, setFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  // Drawn at the size it is shown, so that labels keep a readable size on a phone.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(260, Math.round(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const WIDTH = width;
  const HEIGHT = mapHeight(width);
  useEffect(() => {
    let live = true;
    loadWorld().then((w) => live && setWorld(w), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const points = useMemo(() => mapPoints(locations, byLocation), [locations, byLocation]);
  const regions = useMemo(() => [...new Set(points.map((p) => p.region))].sort(), [points]);
  const colour = (region: string) => PALETTE[regions.indexOf(region) % PALETTE.length];

  const { projection, path } = useMemo(() => {
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    const extent = points.length
      ? [[Math.min(...lons) - 5, Math.min(...lats) - 3], [Math.max(...lons) + 5, Math.max(...lats) + 3]]
      : [[-11, 35], [25, 60]];
    const projection = geoMercator().fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], {
      type: 'MultiPoint',
      coordinates: extent,
    });
    projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
    return { projection, path: geoPath(projection) };
  }, [points, WIDTH, HEIGHT]);

  const countryPaths = useMemo(
    () => (world ? world.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' })).filter((c) => c.d) : []),
    [world, path],
  );

  const maxCents = Math.max(0, ...points.map((p) => p.revenueCents));
  const regionSales = new Map(byRegion.map((r) => [r.key, r]));
  const sorted = [...points].sort((a, b) => b.revenueCents - a.revenueCents);
  const drawn = sorted.map((p) => {
    const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
    return { ...p, x, y, r: radius(p.revenueCents, maxCents, Math.max(14, Math.min(28, WIDTH / 22))) };
  });
  const labels = placeLabels(drawn.map((d) => ({ id: d.id, x: d.x, y: d.y, r: d.r, text: shortName(d.name) })));

  return (
    <div className="map-layout">
      <div ref={box} className="map-box">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="store-map"
        role="img"
        aria-label={`Map of ${points.length} locations; circle size is today's revenue, colour is the region`}
      >
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        {countryPaths.map((c) => (
          <path key={c.key} d={c.d} className="land" />
        ))}
        {failed && (
          <text x={12} y={24} className="map-note">
            Map outline unavailable
          </text>
        )}
        {drawn.map((p) => (
          <g key={p.id}>
            <circle cx={p.x} cy={p.y} r={p.r} fill={colour(p.region)} fillOpacity={0.55} stroke={colour(p.region)} strokeWidth={1.5}>
              <title>{`${p.name} (${p.id}), ${p.region}: ${formatMoney(p.revenueCents / 100, currency)} today, ${p.orders} orders`}</title>
            </circle>
            <circle cx={p.x} cy={p.y} r={2} fill="#0f172a" />
          </g>
        ))}
        {drawn.map((p) => (
          <text key={`l-${p.id}`} x={labels[p.id].x} y={labels[p.id].y} textAnchor={labels[p.id].anchor} className="map-label">
            {shortName(p.name)}
          </text>
        ))}
      </svg>
      </div>
      <div className="map-legend">
        <h3 className="sr-only">Revenue by region today</h3>
        <ul className="legend-list">
          {regions.map((r) => (
            <li key={r}>
              <span className="swatch" style={{ background: colour(r) }} aria-hidden="true" />
              <span className="legend-name">{r}</span>
              <span className="legend-value">{formatMoney(regionSales.get(r)?.revenue ?? '0', currency)}</span>
            </li>
          ))}
        </ul>
        <table className="compact-table">
          <caption className="sr-only">Revenue by location today</caption>
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col" className="num">
                Revenue
              </th>
              <th scope="col" className="num">
                Orders
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td className="num">{formatMoney(p.revenueCents / 100, currency)}</td>
                <td className="num">{p.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
