/** Shapes of the Sales Pulse APIs (see each service's README; money from analytics is a 2-decimal string). */

export type Money = string;

export interface Breakdown {
  key: string;
  revenue: Money;
  orders: number;
  units: number;
}

/** Today's figures of one source within its channel (GET /api/analytics bySource). */
export interface SourceBreakdown {
  channel: string;
  source: string;
  revenue: Money;
  orders: number;
  units: number;
}

export interface TopProduct {
  productId: string;
  name: string;
  units: number;
  revenue: Money;
}

export interface AnalyticsSnapshot {
  generatedAt: string;
  timeZone: string;
  currency: string;
  totalRevenue: Money;
  totalOrders: number;
  totalUnits: number;
  today: { date: string; revenue: Money; orders: number; units: number };
  lastMinute: {
    windowEnd: string;
    revenue: Money;
    orders: number;
    previousRevenue: Money;
    previousOrders: number;
    revenueChange: Money;
    revenueChangePct: number | null;
  };
  topProducts: TopProduct[];
  topProductsByUnits: TopProduct[];
  topProductsLastMinute: TopProduct[];
  topProductsLastMinuteByUnits: TopProduct[];
  topProductsAllTime: TopProduct[];
  topProductsAllTimeByUnits: TopProduct[];
  byChannel: Breakdown[];
  /** Grouped by channel (in the order of byChannel), then by revenue; absent from an older analytics-service. */
  bySource?: SourceBreakdown[];
  byCategory: Breakdown[];
  byLocation: Breakdown[];
  byRegion: Breakdown[];
  lastHour: Array<{ minute: string; revenue: Money; orders: number }>;
  daily: Array<{ date: string; revenue: Money; orders: number }>;
  /** Orders in another currency no exchange rate covers yet: in none of the figures above. */
  awaitingExchangeRate?: Array<{ currency: string; orders: number; oldestOccurredAt: string }>;
}

export type Granularity = 'day' | 'week' | 'month';

export interface Trends {
  granularity: Granularity;
  timeZone: string;
  channel?: string | null;
  source?: string | null;
  points: Array<{ period: string; start: string; end: string; revenue: Money; orders: number; units: number }>;
}

export interface OrderRecorded {
  orderId: string;
  type: 'SALE' | 'RETURN';
  channel: string;
  source: string;
  externalId: string;
  locationId: string;
  region?: string;
  occurredAt: string;
  recordedAt: string;
  currency: string;
  total: Money;
  units: number;
  lineCount: number;
  items: Array<{ productId: string; name: string; quantity: number; lineTotal: Money }>;
  /** Set when the order was in another currency and converted into the reporting one. */
  originalCurrency?: string | null;
  originalTotal?: Money | null;
}

export interface StockAlert {
  alertId: string;
  type: 'LOW_STOCK' | 'CRITICAL_STOCK' | 'OUT_OF_STOCK' | 'STOCKOUT_PREDICTED' | 'POSSIBLE_SHRINKAGE' | 'SALES_MILESTONE';
  state: 'RAISED' | 'ACKNOWLEDGED' | 'RESOLVED';
  productId: string | null;
  locationId: string | null;
  message: string;
  details: Record<string, unknown>;
  /** alerts.v1 (live) */
  occurredAt?: string;
  /** GET /alerts */
  raisedAt?: string;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
  resolvedAt?: string | null;
}

export type StockStatus = 'OK' | 'LOW' | 'CRITICAL' | 'OUT' | 'OVERSOLD';

export interface StockLevelEvent {
  productId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  reorderPoint: number;
  criticalLevel: number;
  targetLevel: number;
  status: StockStatus;
  causeEventId: string | null;
  updatedAt: string;
}

export type LiveMessage =
  | { type: 'analytics.snapshot'; data: AnalyticsSnapshot }
  | { type: 'order.recorded'; data: OrderRecorded }
  | { type: 'alert'; data: StockAlert }
  | { type: 'stock.level'; data: StockLevelEvent };

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

export const CHANNELS = ['STORE', 'WEB', 'MARKETPLACE', 'SCANNER', 'RFID', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A channel and source pair with recorded orders (GET /api/orders/sources). */
export interface OrderSource {
  channel: Channel;
  source: string;
  orders: number;
}

export interface OrderSummary {
  orderId: string;
  eventId: string;
  type: 'SALE' | 'RETURN';
  channel: Channel;
  source: string;
  externalId: string;
  locationId: string;
  region: string | null;
  occurredAt: string;
  recordedAt: string;
  currency: string;
  total: number;
  itemCount: number;
  returnOf: string | null;
}

export interface OrderLine {
  lineNo: number;
  productId: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLine[];
}

/** GET /api/orders/returnable: per product of a sale, what was sold, came back and can still come back. */
export interface Returnable {
  orderId: string;
  eventId: string;
  lines: { productId: string; sku: string | null; sold: number; returned: number; returnable: number }[];
}

export interface NewOrderLine {
  productId?: string;
  sku?: string;
  gtin?: string;
  quantity: number;
  unitPrice: string;
}

export interface NewOrder {
  externalId?: string;
  type?: 'SALE' | 'RETURN';
  returnOf?: string;
  channel: Channel;
  source?: string;
  locationId: string;
  currency: string;
  lines: NewOrderLine[];
}

export interface OrderAccepted {
  eventId: string;
  externalId: string;
  status: string;
}

export interface Product {
  id: string;
  sku: string;
  gtin: string | null;
  name: string;
  categoryId: string;
  unitPrice: number;
  unitCost: number;
  currency: string;
  attributes: Record<string, unknown>;
  active: boolean;
}

export interface Location {
  id: string;
  name: string;
  kind: 'STORE' | 'WAREHOUSE' | 'ONLINE' | 'MARKETPLACE';
  region: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  active: boolean;
}

export interface InventoryRow {
  productId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
  criticalLevel: number;
  targetLevel: number;
  thresholdsExplicit: boolean;
  status: StockStatus;
  oversold: boolean;
  salesVelocityPerHour: number;
  predictedStockoutAt: string | null;
  causeEventId: string | null;
  updatedAt: string;
}

export type AdjustmentType = 'COUNT' | 'DAMAGE' | 'TRANSFER' | 'RECEIPT';

export interface Adjustment {
  type: AdjustmentType;
  productId: string;
  locationId: string;
  toLocationId?: string;
  quantity: number;
  note?: string;
}

export interface Thresholds {
  reorderPoint: number;
  criticalLevel: number;
  targetLevel: number;
}

/** recommendation-service's answer (recommendation-service/README.md). */
export interface Recommendations {
  generatedAt: string;
  source: string;
  weather: Array<{
    locationId: string;
    date?: string;
    summary?: string;
    condition?: string;
    source?: string;
    temperatureC?: number;
    precipitationMm?: number;
    [k: string]: unknown;
  }>;
  promotions: Array<{
    productId: string;
    locationId: string;
    action: string;
    reason: string;
    expectedImpact?: string | number | null;
    confidence?: number | null;
    source?: string;
  }>;
  pricing: Array<{
    id?: string;
    productId: string;
    locationId: string;
    currentPrice: number | string;
    suggestedPrice: number | string;
    changePct: number;
    reason: string;
    source?: string;
  }>;
  warnings?: string[];
}

/** A lot of stock with its expiry (inventory-service `GET /inventory/lots`, `/inventory/expiring`). */
export interface Lot {
  lotId: number | string;
  productId: string;
  locationId: string;
  lotCode: string;
  expiresOn: string | null;
  daysToExpiry: number | null;
  expired: boolean;
  receivedAt: string;
  quantityOnHand: number;
}
