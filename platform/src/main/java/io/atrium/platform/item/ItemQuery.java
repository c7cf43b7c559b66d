package io.atrium.platform.item;

/**
 * A search: which items, in which order, how many, and where the previous page ended.
 *
 * @param filter     what to select
 * @param sortField  a field code, or {@code createdAt}/{@code updatedAt}; ties are broken by id
 * @param descending sort order
 * @param limit      page size, 1 to 500
 * @param after      the {@link ItemPage#next() cursor} of the previous page with the same sort field and
 *                   direction, or null for the first page; cursors are opaque and signed by the server
 * @param deleted    search the deleted items instead (for those who may delete and restore)
 */
public record ItemQuery(ItemFilter filter, String sortField, boolean descending, int limit, String after,
        boolean deleted) {

    public static final int MAX_LIMIT = 500;

    public ItemQuery {
        filter = filter == null ? ItemFilter.NONE : filter;
        sortField = sortField == null || sortField.isBlank() ? "createdAt" : sortField;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public ItemQuery(ItemFilter filter, String sortField, boolean descending, int limit, String after) {
        this(filter, sortField, descending, limit, after, false);
    }

    public static ItemQuery all(int limit) {
        return new ItemQuery(ItemFilter.NONE, null, false, limit, null);
    }
}
