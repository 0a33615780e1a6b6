import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/http';
import { SalesEntry, buildOrder, totalCents, type Line } from './SalesEntry';
import { aLocation, aProduct, fakeApi, renderWithSession } from '../test/fixtures';

const cola = aProduct();
const chips = aProduct({ id: 'P-1010', sku: 'SKU-CHIPS-SALT', gtin: '4012345610109', name: 'Sea salt crisps 150 g', unitPrice: 2.49 });
const locations = [aLocation(), aLocation({ id: 'ST-003', name: 'Berlin Mitte', region: 'DACH' })];

function setup(roles = ['clerk'], over = {}, staffLocations: string[] = []) {
  const api = fakeApi({
    productByGtin: vi.fn(async (gtin: string) => {
      if (gtin === cola.gtin) return cola;
      throw new ApiError(404, { title: 'Not Found', status: 404 });
    }),
    productBySku: vi.fn(async (sku: string) => {
      if (sku === chips.sku) return chips;
      throw new ApiError(404, null);
    }),
    products: vi.fn(async ({ q }: { q: string }) => ({ items: [cola, chips].filter((p) => p.name.toLowerCase().includes(String(q).toLowerCase())), page: 0, size: 8, totalItems: 1 })),
    createOrder: vi.fn(async () => ({ eventId: 'e-1', externalId: 'ext-12345678', status: 'ACCEPTED' })),
    ...over,
  });
  const user = userEvent.setup();
  const r = renderWithSession(<SalesEntry />, { roles, api, products: [cola, chips], locations, staffLocations });
  return { ...r, user, api };
}

async function scan(user: ReturnType<typeof userEvent.setup>, code: string) {
  const input = screen.getByLabelText('Barcode');
  await user.clear(input);
  await user.type(input, `${code}{Enter}`);
}

describe('Sales entry', () => {
  it('offers a clerk bound to stores only those, even when another was chosen before', async () => {
    localStorage.setItem('salespulse.sales.location', 'ST-001');
    setup(['clerk'], {}, ['ST-003']);
    const select = screen.getByLabelText('Location') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('ST-003'));
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['ST-003']);
  });

  it('adds a product scanned into the barcode field, and counts a second scan as quantity', async () => {
    const { user } = setup();
    await scan(user, cola.gtin!);
    expect(await screen.findByText('Cola 330 ml')).toBeInTheDocument();
    await scan(user, cola.gtin!);
    await waitFor(() => expect(screen.getByLabelText('Quantity of Cola 330 ml')).toHaveValue(2));
    expect(screen.getByTestId('order-total')).toHaveTextContent('€3.98');
  });

  it('finds products by SKU and says clearly when a barcode is wrong or unknown', async () => {
    const { user } = setup();
    await scan(user, 'SKU-CHIPS-SALT');
    expect(await screen.findByText('Sea salt crisps 150 g')).toBeInTheDocument();
    await scan(user, '4012345610018');
    expect(await screen.findByText(/not a valid barcode/)).toBeInTheDocument();
    await scan(user, '4006381333931');
    expect(await screen.findByText('No product with barcode 4006381333931')).toBeInTheDocument();
  });

  it('searches by name and picks with the keyboard', async () => {
    const { user } = setup();
    await user.type(screen.getByTestId('product-search'), 'crisps');
    expect(await screen.findByRole('option', { name: /Sea salt crisps/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByLabelText('Quantity of Sea salt crisps 150 g')).toHaveValue(1);
  });

  it('picks up a USB scanner typing while no field has the focus', async () => {
    const { api } = setup();
    (document.activeElement as HTMLElement | null)?.blur();
    let t = 1000;
    await act(async () => {
      for (const key of [...cola.gtin!, 'Enter']) {
        window.dispatchEvent(new KeyboardEvent('keydown', { key }));
        t += 5;
      }
    });
    await waitFor(() => expect(api.productByGtin).toHaveBeenCalledWith(cola.gtin));
    expect(await screen.findByText('Cola 330 ml')).toBeInTheDocument();
  });

  it('records the sale once with an idempotency key, then confirms and clears the form', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    const createOrder = vi.fn(() => new Promise((r) => (resolve = r)));
    const { user, api } = setup(['clerk'], { createOrder });
    await user.selectOptions(screen.getByLabelText('Location'), 'ST-003');
    await scan(user, cola.gtin!);
    await scan(user, 'SKU-CHIPS-SALT');
    const qty = await screen.findByLabelText('Quantity of Cola 330 ml');
    fireEvent.change(qty, { target: { value: '3' } });
    const submit = screen.getByTestId('submit-sale');
    await user.click(submit);
    await user.click(submit); // a double click must not sell twice
    expect(createOrder).toHaveBeenCalledTimes(1);
    const [body, key] = createOrder.mock.calls[0] as unknown as [unknown, string];
    expect(body).toEqual({
      channel: 'STORE',
      source: 'store:ST-003',
      locationId: 'ST-003',
      currency: 'EUR',
      lines: [
        { productId: 'P-1001', quantity: 3, unitPrice: '1.99' },
        { productId: 'P-1010', quantity: 1, unitPrice: '2.49' },
      ],
    });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await act(async () => resolve({ eventId: 'e-1', externalId: 'ext-12345678', status: 'ACCEPTED' }));
    const feedback = await screen.findByTestId('sale-feedback');
    expect(feedback).toHaveTextContent('Sale recorded: €8.46, 4 items at Berlin Mitte');
    expect(feedback).toHaveAttribute('data-external-id', 'ext-12345678');
    expect(screen.queryByTestId('order-lines')).not.toBeInTheDocument();
    expect(api.createOrder).toHaveBeenCalledTimes(1);
  });

  it('keeps the same key when a failed sale is submitted again unchanged', async () => {
    const createOrder = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, { title: 'Service Unavailable', status: 503, detail: 'Kafka did not acknowledge' }))
      .mockResolvedValueOnce({ eventId: 'e', externalId: 'x-1', status: 'ACCEPTED' });
    const { user } = setup(['clerk'], { createOrder });
    await scan(user, cola.gtin!);
    await screen.findByText('Cola 330 ml');
    await user.click(screen.getByTestId('submit-sale'));
    expect(await screen.findByText(/Kafka did not acknowledge.*not be counted twice/)).toBeInTheDocument();
    await user.click(screen.getByTestId('submit-sale'));
    await screen.findByText(/Sale recorded/);
    expect(createOrder.mock.calls[0][1]).toBe(createOrder.mock.calls[1][1]);
  });

  it('blocks invalid lines', async () => {
    const { user } = setup();
    await scan(user, cola.gtin!);
    const price = await screen.findByLabelText('Unit price of Cola 330 ml');
    await user.clear(price);
    await user.type(price, '1.999');
    expect(screen.getByText('Price must be an amount with at most two decimals')).toBeInTheDocument();
    expect(screen.getByTestId('submit-sale')).toBeDisabled();
  });

  it('is not offered to an analyst', () => {
    setup(['analyst']);
    expect(screen.getByTestId('not-allowed')).toHaveTextContent('Sales entry is not available for your role');
    expect(screen.queryByLabelText('Barcode')).not.toBeInTheDocument();
  });
});

describe('order body', () => {
  const lines: Line[] = [{ key: 'a', product: cola, quantity: 2, price: '1.99' }];
  it('is the full form of POST /api/orders with exact decimal prices', () => {
    expect(buildOrder(lines, 'WEB-FC', 'WEB')).toEqual({ channel: 'WEB', locationId: 'WEB-FC', currency: 'EUR', lines: [{ productId: 'P-1001', quantity: 2, unitPrice: '1.99' }] });
    expect(totalCents([...lines, { key: 'b', product: chips, quantity: 3, price: '0.10' }])).toBe(428);
  });
});
