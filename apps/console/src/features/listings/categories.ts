// The category tree from `catalog.categories` as one flat list of Select options, each labelled
// with its path ("Vinyl records › Jazz") so sellers can tell same-named children apart.
export interface CategoryNodeLike {
  id: string;
  name: string;
  children: CategoryNodeLike[];
}

export interface CategoryOption {
  value: string;
  label: string;
}

export function flattenCategories(nodes: readonly CategoryNodeLike[], trail: readonly string[] = []): CategoryOption[] {
  const options: CategoryOption[] = [];
  for (const node of nodes) {
    const path = [...trail, node.name];
    options.push({ value: node.id, label: path.join(' › ') });
    options.push(...flattenCategories(node.children, path));
  }
  return options;
}
