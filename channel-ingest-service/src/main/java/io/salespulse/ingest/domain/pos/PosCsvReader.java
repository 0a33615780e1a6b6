package io.salespulse.ingest.domain.pos;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.salespulse.ingest.domain.GtinValidator;
import io.salespulse.ingest.domain.IsoCurrencyValidator;
import io.salespulse.ingest.domain.SaleDraftRules;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a POS export record by record (RFC 4180 CSV: quoted fields may hold delimiters, quotes and line breaks) with
 * Jackson's streaming CSV parser, so a file of any size is read in constant memory. The first record is the header
 * ({@link PosColumns}); every following record is validated into a {@link PosLine}. Row numbers are the line on which
 * a record starts, the header being line 1; blank lines (and rows of empty values only) are skipped.
 */
public final class PosCsvReader implements Closeable {
    /** Longest field accepted: a POS field is short; a huge one is a broken file, not a reason to use memory. */
    static final int MAX_FIELD = 4_096;
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRIMMED = Pattern.compile("\\S(.*\\S)?");
    private static final Pattern GTIN_LIKE = Pattern.compile("[0-9]{8}|[0-9]{12,14}");
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD).build())
            .build();

    private final CsvParser parser;
    private final PosColumns columns;
    private final Set<String> paymentTypes;
    private final Clock clock;

    public PosCsvReader(Reader reader, char delimiter, Set<String> paymentTypes, Clock clock) throws IOException {
        this.parser = FACTORY.createParser(reader);
        this.parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
        this.paymentTypes = paymentTypes.stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(
                Collectors.toUnmodifiableSet());
        this.clock = clock;
        Record header = nextRecord();
        if (header == null) {
            throw new PosFileException("the file is empty; a POS export starts with a header row naming the columns "
                    + PosColumns.DOCUMENTED);
        }
        this.columns = PosColumns.of(header.values());
    }

    /** The next record, validated; null at the end of the file. */
    public PosLine next() throws IOException {
        Record record = nextRecord();
        return record == null ? null : validate(record);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private record Record(int line, List<String> values) {
    }

    /** The next record that is not a blank line; its line is where its first value starts. */
    private Record nextRecord() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            while (token != null && token != JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token == null) {
                return null;
            }
            int line = -1;
            boolean blank = true;
            List<String> values = new ArrayList<>();
            for (token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (line < 0) {
                    // The array's own location is the end of the previous record; the first value's is this one's.
                    line = (int) parser.currentTokenLocation().getLineNr();
                }
                String value = parser.getText();
                blank &= value == null || value.isBlank();
                values.add(value);
            }
            if (!blank) {
                return new Record(line, values);
            }
        }
    }

    private PosLine validate(Record record) {
        List<String> values = record.values();
        String store = value(values, columns.store());
        String receipt = value(values, columns.receipt());
        String knownStore = store != null && STORE.matcher(store).matches() ? store : null;
        String knownReceipt = receipt != null && receipt.length() <= 100 && TRIMMED.matcher(receipt).matches()
                ? receipt : null;
        List<String> problems = new ArrayList<>();
        if (values.size() > columns.count()) {
            problems.add(values.size() + " values where the header has " + columns.count()
                    + " columns (is the delimiter right?)");
        }
        if (store == null) {
            problems.add("store is missing");
        } else if (knownStore == null) {
            problems.add("store " + abbreviate(store) + " is not a location id such as ST-001");
        }
        if (receipt == null) {
            problems.add("receipt_id is missing");
        } else if (knownReceipt == null) {
            problems.add("receipt_id must be 1 to 100 characters without surrounding spaces");
        }
        Instant timestamp = timestamp(value(values, columns.timestamp()), problems);
        String[] product = product(values, problems);
        Integer quantity = quantity(value(values, columns.quantity()), problems);
        BigDecimal unitPrice = unitPrice(value(values, columns.unitPrice()), problems);
        String paymentType = paymentType(value(values, columns.paymentType()), problems);
        String currency = currency(value(values, columns.currency()), problems);
        if (!problems.isEmpty()) {
            return new PosLine.Invalid(record.line(), knownStore, knownReceipt, String.join("; ", problems));
        }
        return new PosLine.Valid(new PosRow(record.line(), store, receipt, timestamp, product[0], product[1], quantity,
                unitPrice, paymentType, currency));
    }

    private Instant timestamp(String text, List<String> problems) {
        if (text == null) {
            problems.add("timestamp is missing");
            return null;
        }
        try {
            // "2026-11-21 10:15:30Z" (a space instead of the T) is common in exports.
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            Instant timestamp = OffsetDateTime.parse(iso).toInstant();
            if (timestamp.isAfter(clock.instant().plus(SaleDraftRules.FUTURE_TOLERANCE))) {
                problems.add("timestamp " + abbreviate(text) + " is in the future");
            }
            return timestamp;
        } catch (DateTimeParseException e) {
            problems.add("timestamp " + abbreviate(text) + " is not an ISO-8601 time with offset such as "
                    + "2026-11-21T10:15:30Z");
            return null;
        }
    }

    /** {sku, gtin}: from a sku_or_gtin column (GTIN-shaped values are GTINs) or from sku/gtin columns. */
    private String[] product(List<String> values, List<String> problems) {
        String either = value(values, columns.skuOrGtin());
        String sku = value(values, columns.sku());
        String gtin = value(values, columns.gtin());
        if (either != null && sku == null && gtin == null) {
            if (GTIN_LIKE.matcher(either).matches()) {
                gtin = either;
            } else {
                sku = either;
            }
        } else if (either != null) {
            problems.add("give the product once (sku_or_gtin, sku or gtin)");
            return new String[2];
        }
        if (sku == null && gtin == null) {
            problems.add("the product (sku or gtin) is missing");
        } else if (sku != null && gtin != null) {
            problems.add("give either a sku or a gtin, not both");
        } else if (gtin != null && !GtinValidator.isValid(gtin)) {
            problems.add("gtin " + abbreviate(gtin) + " has a wrong check digit or length");
        } else if (sku != null && (sku.length() > 64 || !TRIMMED.matcher(sku).matches())) {
            problems.add("sku must be 1 to 64 characters");
        }
        return new String[] {sku, gtin};
    }

    private static Integer quantity(String text, List<String> problems) {
        if (text == null) {
            problems.add("quantity is missing");
            return null;
        }
        try {
            int quantity = Integer.parseInt(text);
            if (quantity < 1 || quantity > SaleDraftRules.MAX_QUANTITY) {
                problems.add("quantity " + quantity + " is not between 1 and " + SaleDraftRules.MAX_QUANTITY
                        + " (returns are entered through POST /api/orders)");
            }
            return quantity;
        } catch (NumberFormatException e) {
            problems.add("quantity " + abbreviate(text) + " is not a whole number");
            return null;
        }
    }

    private static BigDecimal unitPrice(String text, List<String> problems) {
        if (text == null) {
            problems.add("unit_price is missing");
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(text);
            if (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 12) {
                problems.add("unit_price " + abbreviate(text) + " must be 0 or more with at most 2 decimals");
            }
            return price;
        } catch (NumberFormatException e) {
            problems.add("unit_price " + abbreviate(text) + " is not a number such as 2.50");
            return null;
        }
    }

    private String paymentType(String text, List<String> problems) {
        if (text == null) {
            problems.add("payment_type is missing");
            return null;
        }
        String type = text.toUpperCase(Locale.ROOT);
        if (!paymentTypes.contains(type)) {
            problems.add("payment_type " + abbreviate(text) + " is not one of " + new TreeSet<>(paymentTypes));
        }
        return type;
    }

    private static String currency(String text, List<String> problems) {
        if (text != null && !IsoCurrencyValidator.isValid(text)) {
            problems.add("currency " + abbreviate(text) + " is not an ISO 4217 code such as EUR");
        }
        return text;
    }

    /** The stripped value of a column; null when the column is absent from the file or the row, or blank. */
    private static String value(List<String> values, int column) {
        if (column < 0 || column >= values.size()) {
            return null;
        }
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
