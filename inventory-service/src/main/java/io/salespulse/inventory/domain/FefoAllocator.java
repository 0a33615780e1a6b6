package io.salespulse.inventory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Takes units from the lots of one level, first expiry first out ({@link Lot#FEFO}). Successive {@link #take}
 * calls continue where the previous one stopped, so a batch of sales for the same level is allocated in the order
 * the caller presents them, deterministically. What the lots cannot cover is not the allocator's business: it is
 * unlotted stock (or overselling), which {@code stock_levels.on_hand} accounts for.
 */
public final class FefoAllocator {
    private final List<Lot> lots;
    private final int[] left;
    private int next;

    public FefoAllocator(Collection<Lot> lots) {
        this.lots = lots.stream().filter(lot -> lot.quantityOnHand() > 0).sorted(Lot.FEFO).toList();
        this.left = this.lots.stream().mapToInt(Lot::quantityOnHand).toArray();
    }

    /**
     * Takes up to {@code quantity} units and returns the shares taken, negative (units leaving), in FEFO order;
     * empty when the lots are exhausted.
     */
    public List<LotShare> take(int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("Cannot take a negative quantity");
        }
        List<LotShare> shares = new ArrayList<>();
        int wanted = quantity;
        while (wanted > 0 && next < lots.size()) {
            int taken = Math.min(wanted, left[next]);
            shares.add(LotShare.of(lots.get(next), -taken));
            left[next] -= taken;
            wanted -= taken;
            if (left[next] == 0) {
                next++;
            }
        }
        return shares;
    }

    /** Units still in the lots. */
    public int available() {
        int sum = 0;
        for (int i = next; i < left.length; i++) {
            sum += left[i];
        }
        return sum;
    }
}
