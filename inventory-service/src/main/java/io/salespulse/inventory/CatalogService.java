package io.salespulse.inventory;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.data.CategoryRepository;
import io.salespulse.inventory.data.DataAccessException;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.ProductChangeRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.domain.Category;
import io.salespulse.inventory.domain.Gtin;
import io.salespulse.inventory.domain.Location;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Product;
import io.salespulse.inventory.domain.ProductChange;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog: categories, products and locations. Every committed product or location change is published to its
 * compacted topic through the outbox, written in the same transaction (no dual write: the REST call answers after
 * the commit, and the relay delivers the event even if Kafka is down at that moment). Product writes are audited
 * (product_changes: who, when, price and cost before and after) in the same transaction.
 */
@ApplicationScoped
public class CatalogService {
    private final CategoryRepository categories;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final ProductChangeRepository changes;
    private final OutboxRepository outbox;
    private final InventoryEvents events;

    public CatalogService(CategoryRepository categories, ProductRepository products,
                          ProductChangeRepository changes, LocationRepository locations, OutboxRepository outbox,
                          InventoryEvents events) {
        this.categories = categories;
        this.products = products;
        this.changes = changes;
        this.locations = locations;
        this.outbox = outbox;
        this.events = events;
    }

    // ---- categories

    public List<Category> categories() {
        return categories.findAll();
    }

    /** A new category under an existing parent (or a new root). */
    @Transactional
    public Category createCategory(String id, String parentId, String name) {
        requireParent(parentId);
        try {
            return categories.insert(id, parentId, name, Instant.now());
        } catch (DataAccessException.DuplicateKeyException e) {
            if ("categories_pkey".equals(e.constraint())) {
                throw new ProblemException(409, "Duplicate category", "Category " + id + " exists");
            }
            throw duplicateSiblingName(name);
        }
    }

    /**
     * Renames a category and moves it under another parent (null: a root). A move under itself or one of its
     * descendants would make a cycle (409). The products of the moved sub-tree have a new categoryPath, so they
     * are published again.
     */
    @Transactional
    @WithSpan("CatalogService.updateCategory")
    public Category updateCategory(String id, String parentId, String name) {
        categories.lockTree();
        Category current = categories.find(id).orElseThrow(() -> new ProblemException(404, "Unknown category",
                "No category " + id));
        requireParent(parentId);
        List<String> subtree = categories.subtree(id);
        if (parentId != null && subtree.contains(parentId)) {
            throw new ProblemException(409, "Category cycle", "Category " + parentId + " is " + id
                    + (parentId.equals(id) ? " itself" : " or one of its descendants") + "; it cannot be its parent");
        }
        Category saved;
        try {
            saved = categories.update(id, parentId, name, Instant.now()).orElseThrow();
        } catch (DataAccessException.DuplicateKeyException e) {
            throw duplicateSiblingName(name);
        }
        if (!current.name().equals(saved.name()) || !Objects.equals(current.parentId(), saved.parentId())) {
            Map<String, Category> byId = new HashMap<>();
            categories.findAll().forEach(c -> byId.put(c.id(), c));
            outbox.append(products.findInCategoriesLocked(subtree).stream()
                    .map(p -> events.product(p, path(p.categoryId(), byId))).toList());
        }
        return saved;
    }

    private void requireParent(String parentId) {
        if (parentId != null && categories.find(parentId).isEmpty()) {
            throw new ProblemException(422, "Unknown parent category", "No category " + parentId);
        }
    }

    private static ProblemException duplicateSiblingName(String name) {
        return new ProblemException(409, "Duplicate category name", "A sibling category is already named " + name);
    }

    // ---- products

    public Product product(String id) {
        return products.find(id).orElseThrow(() -> unknownProduct(id));
    }

    public Product productBySku(String sku) {
        return products.findBySku(sku).orElseThrow(() -> new ProblemException(404, "Unknown SKU",
                "No product with SKU " + sku));
    }

    public Product productByGtin(String gtin) {
        requireValidGtin(gtin);
        return products.findByGtin(gtin).orElseThrow(() -> new ProblemException(404, "Unknown GTIN",
                "No product with GTIN " + gtin));
    }

    public Page<Product> products(ProductRepository.Filter filter, String sort, PageRequest page) {
        return products.list(filter, sort, page);
    }

    /** Names of the categories from the root down to the product's (product.categoryPath). */
    public List<String> categoryPath(String categoryId) {
        return categories.path(categoryId);
    }

    @Transactional
    @WithSpan("CatalogService.createProduct")
    public Product createProduct(Product product, String changedBy) {
        validate(product);
        Product created;
        try {
            created = products.insert(product);
        } catch (DataAccessException.DuplicateKeyException e) {
            throw duplicate(e, product);
        } catch (DataAccessException.MissingReferenceException e) {
            throw unknownCategory(product.categoryId());
        }
        changes.record(null, created, changedBy, created.updatedAt());
        publish(created);
        return created;
    }

    @Transactional
    @WithSpan("CatalogService.updateProduct")
    public Product updateProduct(Product product, String changedBy) {
        validate(product);
        Product before = products.findForUpdate(product.id()).orElseThrow(() -> unknownProduct(product.id()));
        Optional<Product> updated;
        try {
            updated = products.update(product);
        } catch (DataAccessException.DuplicateKeyException e) {
            throw duplicate(e, product);
        } catch (DataAccessException.MissingReferenceException e) {
            throw unknownCategory(product.categoryId());
        }
        Product saved = updated.orElseThrow(() -> unknownProduct(product.id()));
        changes.record(before, saved, changedBy, saved.updatedAt());
        publish(saved);
        return saved;
    }

    /** Audited writes of a product, newest first; 404 for an unknown product. */
    public Page<ProductChange> productChanges(String id, PageRequest page) {
        product(id);
        return changes.list(id, page);
    }

    // ---- locations

    public Location location(String id) {
        return locations.find(id).orElseThrow(() -> unknownLocation(id));
    }

    public Page<Location> locations(LocationRepository.Filter filter, String sort, PageRequest page) {
        return locations.list(filter, sort, page);
    }

    @Transactional
    @WithSpan("CatalogService.createLocation")
    public Location createLocation(Location location) {
        validate(location);
        Location created;
        try {
            created = locations.insert(location);
        } catch (DataAccessException.DuplicateKeyException e) {
            throw new ProblemException(409, "Duplicate location", "Location " + location.id() + " exists");
        }
        outbox.append(List.of(events.location(created)));
        return created;
    }

    @Transactional
    @WithSpan("CatalogService.updateLocation")
    public Location updateLocation(Location location) {
        validate(location);
        Location saved = locations.update(location).orElseThrow(() -> unknownLocation(location.id()));
        outbox.append(List.of(events.location(saved)));
        return saved;
    }

    // ---- republishing

    /** Publishes every product again (after a topic was lost or a consumer needs a full rebuild). */
    @Transactional
    @WithSpan("CatalogService.republishProducts")
    public int republishProducts() {
        Map<String, Category> byId = new HashMap<>();
        categories.findAll().forEach(c -> byId.put(c.id(), c));
        List<OutboxMessage> out = new ArrayList<>();
        for (Product product : products.findAllLocked()) {
            out.add(events.product(product, path(product.categoryId(), byId)));
        }
        outbox.append(out);
        return out.size();
    }

    @Transactional
    @WithSpan("CatalogService.republishLocations")
    public int republishLocations() {
        List<OutboxMessage> out = locations.findAllLocked().stream().map(events::location).toList();
        outbox.append(out);
        return out.size();
    }

    private void publish(Product product) {
        outbox.append(List.of(events.product(product, categories.path(product.categoryId()))));
    }

    private static List<String> path(String categoryId, Map<String, Category> byId) {
        LinkedList<String> path = new LinkedList<>();
        for (Category c = byId.get(categoryId); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            path.addFirst(c.name());
        }
        return path;
    }

    private void validate(Product product) {
        if (product.gtin() != null) {
            requireValidGtin(product.gtin());
        }
        if (categories.find(product.categoryId()).isEmpty()) {
            throw unknownCategory(product.categoryId());
        }
    }

    /** Region-based IANA zone ids only ("Europe/Berlin", "UTC"): the contract's pattern excludes offsets. */
    private static void validate(Location location) {
        if (!ZoneId.getAvailableZoneIds().contains(location.timeZone())) {
            throw new ProblemException(422, "Invalid time zone",
                    location.timeZone() + " is not an IANA time zone id such as Europe/Berlin");
        }
    }

    private static void requireValidGtin(String gtin) {
        Gtin.problem(gtin).ifPresent(problem -> {
            throw new ProblemException(422, "Invalid GTIN", problem + " (" + gtin + ")");
        });
    }

    private static ProblemException duplicate(DataAccessException.DuplicateKeyException e, Product product) {
        return switch (e.constraint() == null ? "" : e.constraint()) {
            case "products_sku_uq" -> new ProblemException(409, "Duplicate SKU",
                    "Another product has SKU " + product.sku());
            case "products_gtin14_uq" -> new ProblemException(409, "Duplicate GTIN",
                    "Another product has GTIN " + product.gtin());
            default -> new ProblemException(409, "Duplicate product", "Product " + product.id() + " exists");
        };
    }

    private static ProblemException unknownCategory(String categoryId) {
        return new ProblemException(422, "Unknown category", "No category " + categoryId);
    }

    private static ProblemException unknownProduct(String id) {
        return new ProblemException(404, "Unknown product", "No product " + id);
    }

    private static ProblemException unknownLocation(String id) {
        return new ProblemException(404, "Unknown location", "No location " + id);
    }
}
