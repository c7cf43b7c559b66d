package io.atrium.platform.item;

import java.util.List;

/** One page of a search and the cursor of the next one ({@code null} on the last page). */
public record ItemPage(List<Item> items, String next) {
}
