import { HttpClient, type Query } from './http';
import type {
  Adjustment,
  AnalyticsSnapshot,
  Granularity,
  InventoryRow,
  Location,
  Lot,
  NewOrder,
  OrderAccepted,
  OrderDetail,
  OrderSource,
  OrderSummary,
  Page,
  Returnable,
  Product,
  Recommendations,
  StockAlert,
  Thresholds,
  Trends,
} from './types';

const seg = encodeURIComponent;

/** Every call the app makes, through the gateway (same origin). */
export class Api {
  constructor(readonly http: HttpClient) {}

  analytics = () => this.http.get<AnalyticsSnapshot>('/api/analytics');
  trends = (granularity: Granularity, periods: number, signal?: AbortSignal) =>
    this.http.get<Trends>('/api/analytics/trends', { granularity, periods }, signal);

  wsTicket = () => this.http.request<{ ticket: string; expiresIn: number }>('POST', '/api/ws-ticket');

  createOrder = (order: NewOrder, idempotencyKey: string) =>
    this.http.request<OrderAccepted>('POST', '/api/orders', { body: order, headers: { 'Idempotency-Key': idempotencyKey } });
  orders = (query: Query, signal?: AbortSignal) => this.http.get<Page<OrderSummary>>('/api/orders', query, signal);
  orderSources = (signal?: AbortSignal) => this.http.get<OrderSource[]>('/api/orders/sources', undefined, signal);
  order = (orderId: string) => this.http.get<OrderDetail>(`/api/orders/${seg(orderId)}`);
  returnable = (returnOf: string) => this.http.get<Returnable>('/api/orders/returnable', { returnOf });

  products = (query: Query, signal?: AbortSignal) => this.http.get<Page<Product>>('/api/products', query, signal);
  product = (id: string) => this.http.get<Product>(`/api/products/${seg(id)}`);
  productByGtin = (gtin: string) => this.http.get<Product>(`/api/products/by-gtin/${seg(gtin)}`);
  productBySku = (sku: string) => this.http.get<Product>(`/api/products/by-sku/${seg(sku)}`);
  updateProduct = (product: Product) =>
    this.http.request<Product>('PUT', `/api/products/${seg(product.id)}`, { body: product });

  locations = () => this.http.get<Page<Location>>('/api/locations', { size: 200, sort: 'id' });

  inventory = (query: Query, signal?: AbortSignal) => this.http.get<Page<InventoryRow>>('/api/inventory', query, signal);
  setThresholds = (productId: string, locationId: string, t: Thresholds) =>
    this.http.request<InventoryRow>('PUT', `/api/inventory/${seg(productId)}/${seg(locationId)}/thresholds`, { body: t });
  adjust = (a: Adjustment) =>
    this.http.request<{ adjustmentId: string; levels: InventoryRow[] }>('POST', '/api/inventory/adjustments', { body: a });

  expiringLots = (days: number, locationId?: string, signal?: AbortSignal) =>
    this.http.get<Lot[] | Page<Lot>>('/api/inventory/expiring', { days, locationId }, signal);

  alerts = (query: Query, signal?: AbortSignal) => this.http.get<Page<StockAlert>>('/api/alerts', query, signal);
  acknowledgeAlert = (id: string) => this.http.request<StockAlert>('POST', `/api/alerts/${seg(id)}/acknowledge`);

  recommendations = () => this.http.get<Recommendations>('/api/recommendations');
  /** recommendation-service re-checks the current price and applies the suggestion once, as the caller. */
  applyPriceSuggestion = (id: string) =>
    this.http.request<unknown>('POST', `/api/recommendations/pricing/${seg(id)}/apply`);
}
