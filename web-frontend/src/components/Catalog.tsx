import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Location, Product } from '../api/types';
import { useApi } from '../auth/AuthContext';
import { useAsync } from './useAsync';

/** Reference data most pages need for names: every location and (up to 200) products, loaded once. */
export interface Catalog {
  locations: Location[];
  products: Product[];
  locationName(id: string | null | undefined): string;
  productName(id: string | null | undefined): string;
  location(id: string): Location | undefined;
  product(id: string): Product | undefined;
  reload(): void;
}

export const CatalogContext = createContext<Catalog | null>(null);

export function makeCatalog(locations: Location[], products: Product[], reload: () => void = () => {}): Catalog {
  const byLocation = new Map(locations.map((l) => [l.id, l]));
  const byProduct = new Map(products.map((p) => [p.id, p]));
  return {
    locations,
    products,
    location: (id) => byLocation.get(id),
    product: (id) => byProduct.get(id),
    locationName: (id) => (id ? byLocation.get(id)?.name ?? id : '—'),
    productName: (id) => (id ? byProduct.get(id)?.name ?? id : '—'),
    reload,
  };
}

export function CatalogProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const locations = useAsync(async () => (await api.locations()).items, []);
  const products = useAsync(async () => (await api.products({ size: 200, sort: 'name' })).items, []);
  const value = useMemo(
    () =>
      makeCatalog(locations.data ?? [], products.data ?? [], () => {
        locations.reload();
        products.reload();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locations.data, products.data],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  return useContext(CatalogContext) ?? EMPTY;
}

const EMPTY = makeCatalog([], []);
