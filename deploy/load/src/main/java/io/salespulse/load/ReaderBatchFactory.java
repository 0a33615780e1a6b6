package io.salespulse.load;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of tag reads as store readers post them: Zebra FX IoT Connector JSON (an array of SIMPLE events) or Impinj
 * reader lines ({@code tagInventory} events, NDJSON). The tags are SGTIN-96 EPCs of the demo catalog's GTINs, a
 * population of many serials per product; a share of the reads are re-reads of tags read moments ago (well inside
 * the gateway's dedup window), as a tag resting in an antenna's field is read again and again.
 */
final class ReaderBatchFactory {
    enum Format {
        ZEBRA("application/json"), IMPINJ("application/x-ndjson");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    /** One generated batch: the body to post and what it holds. */
    record Batch(String body, int reads, int repeats) {
    }

    private static final DateTimeFormatter ZEBRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** How many recent reads a repeat is drawn from: at 100,000 reads/s a fraction of a second. */
    private static final int RECENT = 4096;

    private final List<Sgtin96> products = new ArrayList<>();
    private final long tags;
    private final long serialBase;
    private final double repeatShare;
    private final int[] antennas;
    private final Format format;
    private final SplittableRandom random;
    private final long[] recent = new long[RECENT];
    private int recentCount;
    private int recentNext;
    private long eventNum;

    /**
     * @param tags        size of the tag population (serials spread over the products)
     * @param serialBase  first serial: a run starting at a fresh base is not deduplicated against an earlier one
     * @param repeatShare share of reads that re-read a recently read tag (0..1)
     * @param antennas    antenna ports reads come from, picked uniformly (keep EXIT antennas out unless exit reads
     *                    are meant: every EXIT read without a sale raises possible shrinkage)
     */
    ReaderBatchFactory(DemoCatalog catalog, long tags, long serialBase, double repeatShare, int[] antennas,
                       Format format, SplittableRandom random) {
        for (DemoCatalog.Product p : catalog.products()) {
            if (p.gtin() != null) {
                products.add(new Sgtin96(Sgtin96.gtin14(p.gtin()), 7, 1));
            }
        }
        if (products.isEmpty() || tags < 1 || repeatShare < 0 || repeatShare > 1 || antennas.length == 0) {
            throw new IllegalArgumentException("need products with GTINs, tags >= 1, repeat share in [0, 1], antennas");
        }
        if (serialBase < 0 || serialBase + tags / products.size() + 1 > Sgtin96.MAX_SERIAL) {
            throw new IllegalArgumentException("serials do not fit in 38 bits");
        }
        this.tags = tags;
        this.serialBase = serialBase;
        this.repeatShare = repeatShare;
        this.antennas = antennas.clone();
        this.format = format;
        this.random = random;
    }

    int productCount() {
        return products.size();
    }

    /** {@code size} reads, timestamped over the {@code spreadMillis} before {@code readAt}, oldest first. */
    Batch next(int size, Instant readAt, long spreadMillis) {
        var body = new StringBuilder(size * (format == Format.ZEBRA ? 150 : 190) + 2);
        if (format == Format.ZEBRA) {
            body.append('[');
        }
        int repeats = 0;
        long end = readAt.toEpochMilli();
        for (int i = 0; i < size; i++) {
            long tag;
            if (recentCount > 0 && random.nextDouble() < repeatShare) {
                tag = recent[random.nextInt(recentCount)];
                repeats++;
            } else {
                tag = random.nextLong(tags);
                remember(tag);
            }
            long at = end - spreadMillis + (size == 1 ? spreadMillis : spreadMillis * i / (size - 1));
            int antenna = antennas[random.nextInt(antennas.length)];
            if (format == Format.ZEBRA) {
                zebra(body.append(i == 0 ? "" : ","), tag, antenna, at);
            } else {
                impinj(body, tag, antenna, at);
            }
        }
        if (format == Format.ZEBRA) {
            body.append(']');
        }
        return new Batch(body.toString(), size, repeats);
    }

    private void remember(long tag) {
        recent[recentNext] = tag;
        recentNext = (recentNext + 1) % RECENT;
        recentCount = Math.min(recentCount + 1, RECENT);
    }

    /** Tag {@code n} of the population: product n mod P, serial base + n / P. */
    private void epc(long tag, StringBuilder out) {
        int product = (int) (tag % products.size());
        products.get(product).appendHex(serialBase + tag / products.size(), out);
    }

    private void zebra(StringBuilder out, long tag, int antenna, long at) {
        out.append("{\"data\":{\"eventNum\":").append(++eventNum).append(",\"format\":\"epc\",\"idHex\":\"");
        epc(tag, out);
        out.append("\",\"antenna\":").append(antenna).append(",\"peakRssi\":").append(-40 - random.nextInt(35))
                .append(",\"reads\":1},\"timestamp\":\"").append(ZEBRA_TIME.format(Instant.ofEpochMilli(at)))
                .append("\",\"type\":\"SIMPLE\"}");
    }

    private void impinj(StringBuilder out, long tag, int antenna, long at) {
        String time = Instant.ofEpochMilli(at).toString();
        out.append("{\"timestamp\":\"").append(time)
                .append("\",\"hostname\":\"impinj-load\",\"eventType\":\"tagInventory\",\"tagInventoryEvent\":{")
                .append("\"epcHex\":\"");
        epc(tag, out);
        out.append("\",\"antennaPort\":").append(antenna).append(",\"peakRssiCdbm\":")
                .append(-4000 - random.nextInt(3500)).append(",\"lastSeenTime\":\"").append(time).append("\"}}\n");
    }
}
