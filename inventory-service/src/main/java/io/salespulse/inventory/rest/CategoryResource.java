package io.salespulse.inventory.rest;

import io.salespulse.inventory.CatalogService;
import io.salespulse.inventory.domain.Category;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The category tree. */
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {
    private final CatalogService catalog;

    public CategoryResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    public record CategoryRequest(@NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String id,
                                  @Pattern(regexp = BadRequests.ID_PATTERN) String parentId,
                                  @NotBlank @Size(max = 200) String name) {
    }

    /** Body of PUT: the new name and parent (null or absent: a root); id optional, must match the path. */
    public record CategoryUpdate(@Pattern(regexp = BadRequests.ID_PATTERN) String id,
                                 @Pattern(regexp = BadRequests.ID_PATTERN) String parentId,
                                 @NotBlank @Size(max = 200) String name) {
    }

    public record CategoryNode(String id, String name, String parentId, List<CategoryNode> children) {
    }

    /** The whole tree: roots, each with its children, sorted by name. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public List<CategoryNode> tree() {
        List<Category> all = catalog.categories();
        Map<String, List<Category>> children = new HashMap<>();
        all.forEach(c -> children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c));
        return nodes(null, children);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull CategoryRequest request) {
        Category created = catalog.createCategory(request.id(), request.parentId(), request.name().strip());
        return Response.created(URI.create("/categories/" + created.id()))
                .entity(new CategoryNode(created.id(), created.name(), created.parentId(), List.of())).build();
    }

    /** Renames and moves a category; 409 for a move under itself or a descendant. Answers the category alone. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public CategoryNode update(@PathParam("id") String id, @Valid @NotNull CategoryUpdate request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw BadRequests.invalid("id", "must match the id in the path");
        }
        Category saved = catalog.updateCategory(id, request.parentId(), request.name().strip());
        return new CategoryNode(saved.id(), saved.name(), saved.parentId(), List.of());
    }

    private static List<CategoryNode> nodes(String parentId, Map<String, List<Category>> children) {
        return children.getOrDefault(parentId, List.of()).stream()
                .map(c -> new CategoryNode(c.id(), c.name(), c.parentId(), nodes(c.id(), children)))
                .toList();
    }
}
