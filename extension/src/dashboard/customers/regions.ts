/** A node of the region hierarchy (华东 → 江苏 → 徐州) with how many files fall under it. */
export interface RegionNode {
  name: string;
  path: string[];
  count: number;
  children: RegionNode[];
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** The hierarchy the files actually use, built from their region paths, each level sorted by pinyin. */
export function buildRegionTree(regions: ReadonlyArray<readonly string[]>): RegionNode[] {
  const roots: RegionNode[] = [];
  for (const region of regions) {
    let level = roots;
    const path: string[] = [];
    for (const raw of region) {
      const name = raw.trim();
      if (!name) break;
      path.push(name);
      let node = level.find((n) => n.name === name);
      if (!node) {
        node = { name, path: [...path], count: 0, children: [] };
        level.push(node);
      }
      node.count++;
      level = node.children;
    }
  }
  const sort = (nodes: RegionNode[]) => {
    nodes.sort((a, b) => collator.compare(a.name, b.name));
    for (const n of nodes) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The choices at each level of a chosen path: level 0 the roots, level i the children of path[i-1]. */
export function regionLevels(tree: RegionNode[], chosen: readonly string[]): RegionNode[][] {
  const levels: RegionNode[][] = [tree];
  let nodes = tree;
  for (const name of chosen) {
    const node = nodes.find((n) => n.name === name);
    if (!node?.children.length) break;
    levels.push(node.children);
    nodes = node.children;
  }
  return levels;
}

/** Whether a file's region lies within the chosen path (华东 takes 华东/江苏/徐州). */
export function inRegion(region: readonly string[], chosen: readonly string[]): boolean {
  return chosen.every((name, i) => region[i]?.trim() === name);
}
