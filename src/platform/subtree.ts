/**
 * Trees kept as materialised paths (`/district/town/village/`): a node's path is its ancestors'
 * ids joined, so a subtree is a path prefix and one LIKE reads it from an index.
 */

/** True when `path` lies inside the subtree rooted at `ancestorPath` (a node is in its own subtree). */
export function isInSubtree(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}
