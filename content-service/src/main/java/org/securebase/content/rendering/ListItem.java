package org.securebase.content.rendering;

/**
 * One list item.
 *
 * @param id   {@code <list id>-<8 hex digits of the SHA-256 of the item's text>}: an item keeps its id when
 *             other items are added, removed or reordered, so a client's ticks on a checklist stay on the
 *             right items; editing the item's own text gives it a new id, as it is a different item then
 * @param text the item's plain text
 */
public record ListItem(String id, String text) {
}
